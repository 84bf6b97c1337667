CREATE TABLE "data_load" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"description" text NOT NULL,
	"simulated" boolean NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_value" (
	"indicator" text NOT NULL,
	"kode" text COLLATE "C" NOT NULL,
	"year" integer NOT NULL,
	"numerators" integer[] NOT NULL,
	"denominators" integer[],
	"simulated" boolean NOT NULL,
	"load_id" integer NOT NULL,
	CONSTRAINT "indicator_value_indicator_kode_year_pk" PRIMARY KEY("indicator","kode","year")
);
--> statement-breakpoint
CREATE TABLE "sasaran" (
	"kode" text COLLATE "C" NOT NULL,
	"year" integer NOT NULL,
	"group" text NOT NULL,
	"value" double precision NOT NULL,
	"kind" text NOT NULL,
	"method" text NOT NULL,
	"simulated" boolean NOT NULL,
	"load_id" integer NOT NULL,
	CONSTRAINT "sasaran_kode_year_group_pk" PRIMARY KEY("kode","year","group")
);
--> statement-breakpoint
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_load_id_data_load_id_fk" FOREIGN KEY ("load_id") REFERENCES "public"."data_load"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sasaran" ADD CONSTRAINT "sasaran_load_id_data_load_id_fk" FOREIGN KEY ("load_id") REFERENCES "public"."data_load"("id") ON DELETE no action ON UPDATE no action;