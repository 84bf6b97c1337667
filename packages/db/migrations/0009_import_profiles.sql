CREATE TABLE "desa_alias" (
	"id" serial PRIMARY KEY NOT NULL,
	"wilayah" text NOT NULL,
	"nama_key" text NOT NULL,
	"nama" text NOT NULL,
	"kode" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"load_id" integer
);
--> statement-breakpoint
CREATE TABLE "import_profile" (
	"id" serial PRIMARY KEY NOT NULL,
	"kabupaten" text NOT NULL,
	"nama" text NOT NULL,
	"signature" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_at" timestamp with time zone,
	"replaced_by" text
);
--> statement-breakpoint
ALTER TABLE "import_preview" ADD COLUMN "options" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "desa_alias_key_idx" ON "desa_alias" USING btree ("wilayah","nama_key");--> statement-breakpoint
CREATE UNIQUE INDEX "import_profile_current_idx" ON "import_profile" USING btree ("kabupaten",lower("nama")) WHERE "import_profile"."replaced_at" is null;--> statement-breakpoint
CREATE INDEX "import_profile_signature_idx" ON "import_profile" USING btree ("kabupaten","signature");