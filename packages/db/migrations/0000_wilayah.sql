CREATE TABLE "boundary_import" (
	"id" serial PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"source" text NOT NULL,
	"desa_provinsi" text NOT NULL,
	"geometry_version" text NOT NULL,
	"report" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wilayah" (
	"kode" text COLLATE "C" PRIMARY KEY NOT NULL,
	"nama" text NOT NULL,
	"tingkat" text NOT NULL,
	"parent_kode" text COLLATE "C",
	"bbox" double precision[],
	"label_lng" double precision,
	"label_lat" double precision,
	"has_geometry" boolean DEFAULT false NOT NULL,
	"in_code_list" boolean DEFAULT true NOT NULL,
	"child_count" integer DEFAULT 0 NOT NULL,
	"import_id" integer
);
--> statement-breakpoint
CREATE TABLE "wilayah_geometry" (
	"kode" text COLLATE "C" PRIMARY KEY NOT NULL,
	"geojson" text NOT NULL,
	"vertex_count" integer NOT NULL,
	"origin" text NOT NULL,
	"import_id" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "wilayah" ADD CONSTRAINT "wilayah_import_id_boundary_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."boundary_import"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wilayah_geometry" ADD CONSTRAINT "wilayah_geometry_kode_wilayah_kode_fk" FOREIGN KEY ("kode") REFERENCES "public"."wilayah"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wilayah_geometry" ADD CONSTRAINT "wilayah_geometry_import_id_boundary_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."boundary_import"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wilayah_parent_idx" ON "wilayah" USING btree ("parent_kode");