CREATE TABLE "import_preview" (
	"id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"oleh" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"summary" jsonb NOT NULL,
	"committed_load_id" integer
);
--> statement-breakpoint
CREATE TABLE "indicator_value_change" (
	"load_id" integer NOT NULL,
	"indicator" text NOT NULL,
	"kode" text COLLATE "C" NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"old_numerator" integer,
	"old_denominator" integer,
	"old_load_id" integer,
	"old_simulated" boolean,
	"new_numerator" integer,
	"new_denominator" integer,
	CONSTRAINT "indicator_value_change_load_id_indicator_kode_year_month_pk" PRIMARY KEY("load_id","indicator","kode","year","month")
);
--> statement-breakpoint
CREATE TABLE "sasaran_change" (
	"load_id" integer NOT NULL,
	"kode" text COLLATE "C" NOT NULL,
	"year" integer NOT NULL,
	"group" text NOT NULL,
	"old_value" double precision,
	"old_kind" text,
	"old_method" text,
	"old_simulated" boolean,
	"old_load_id" integer,
	"new_value" double precision,
	"new_kind" text,
	"new_method" text,
	CONSTRAINT "sasaran_change_load_id_kode_year_group_pk" PRIMARY KEY("load_id","kode","year","group")
);
--> statement-breakpoint
ALTER TABLE "indicator_value" DROP CONSTRAINT "indicator_value_load_id_data_load_id_fk";
--> statement-breakpoint
ALTER TABLE "data_load" ADD COLUMN "oleh" text;--> statement-breakpoint
ALTER TABLE "data_load" ADD COLUMN "file_name" text;--> statement-breakpoint
ALTER TABLE "data_load" ADD COLUMN "file_hash" text;--> statement-breakpoint
ALTER TABLE "data_load" ADD COLUMN "target" text;--> statement-breakpoint
ALTER TABLE "data_load" ADD COLUMN "added" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_load" ADD COLUMN "changed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_load" ADD COLUMN "unchanged" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "data_load" ADD COLUMN "warnings" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "data_load" ADD COLUMN "status" text DEFAULT 'done' NOT NULL;--> statement-breakpoint
ALTER TABLE "data_load" ADD COLUMN "undone_by" integer;--> statement-breakpoint
ALTER TABLE "data_load" ADD COLUMN "undoes" integer;--> statement-breakpoint
ALTER TABLE "indicator_value" ADD COLUMN "month_load_ids" integer[];--> statement-breakpoint
ALTER TABLE "indicator_value" ADD COLUMN "month_simulated" boolean[];--> statement-breakpoint
-- Hand-written: per-cell provenance from the row's load. Every month of an existing row (its "no report" months
-- too) was written by that row's load, so existing demo databases keep working.
UPDATE "indicator_value" SET "month_load_ids" = array_fill("load_id", ARRAY[12]), "month_simulated" = array_fill("simulated", ARRAY[12]);--> statement-breakpoint
ALTER TABLE "indicator_value" ALTER COLUMN "month_load_ids" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "indicator_value" ALTER COLUMN "month_simulated" SET NOT NULL;--> statement-breakpoint
UPDATE "data_load" SET "target" = 'nilai+sasaran' WHERE "kind" = 'demo';--> statement-breakpoint
ALTER TABLE "indicator_value_change" ADD CONSTRAINT "indicator_value_change_load_id_data_load_id_fk" FOREIGN KEY ("load_id") REFERENCES "public"."data_load"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sasaran_change" ADD CONSTRAINT "sasaran_change_load_id_data_load_id_fk" FOREIGN KEY ("load_id") REFERENCES "public"."data_load"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_value_change_cell_idx" ON "indicator_value_change" USING btree ("indicator","kode","year","month");--> statement-breakpoint
ALTER TABLE "indicator_value" DROP COLUMN "simulated";--> statement-breakpoint
ALTER TABLE "indicator_value" DROP COLUMN "load_id";