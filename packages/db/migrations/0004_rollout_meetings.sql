-- Puskesmas, wilayah kerja over time, ILP stages, waves, readiness, Pustu/Posyandu (issue 7); meetings and
-- actions (issue 8). Kode wilayah columns are COLLATE "C" (prefix queries use the index), as in 0001.
CREATE TABLE "ilp_stage" (
	"id" serial PRIMARY KEY NOT NULL,
	"puskesmas_kode" text NOT NULL,
	"stage" text NOT NULL,
	"date" date NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"sk_number" text,
	"simulated" boolean DEFAULT false NOT NULL,
	"event_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ilp_wave" (
	"id" serial PRIMARY KEY NOT NULL,
	"kabupaten_kode" text COLLATE "C" NOT NULL,
	"nama" text NOT NULL,
	"tahun" integer NOT NULL,
	"target" integer NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"basis" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"simulated" boolean DEFAULT false NOT NULL,
	"event_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ilp_wave_member" (
	"wave_id" integer NOT NULL,
	"puskesmas_kode" text NOT NULL,
	"rank" integer,
	"reason" text,
	CONSTRAINT "ilp_wave_member_wave_id_puskesmas_kode_pk" PRIMARY KEY("wave_id","puskesmas_kode")
);
--> statement-breakpoint
CREATE TABLE "meeting" (
	"id" serial PRIMARY KEY NOT NULL,
	"jenis" text NOT NULL,
	"tanggal" date NOT NULL,
	"wilayah_kode" text COLLATE "C",
	"puskesmas_kode" text,
	"judul" text NOT NULL,
	"peserta" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"periode" text NOT NULL,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"oleh" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_action" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"desa_kode" text COLLATE "C" NOT NULL,
	"indicator" text NOT NULL,
	"apa" text NOT NULL,
	"siapa" text NOT NULL,
	"tenggat" date,
	"status" text DEFAULT 'terbuka' NOT NULL,
	"baseline" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"oleh" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_action_change" (
	"id" serial PRIMARY KEY NOT NULL,
	"action_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"oleh" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_note" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"item_key" text NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"oleh" text NOT NULL,
	"supersedes" integer
);
--> statement-breakpoint
CREATE TABLE "posyandu" (
	"id" serial PRIMARY KEY NOT NULL,
	"desa_kode" text COLLATE "C" NOT NULL,
	"nama" text,
	"lokasi" text,
	"sk" boolean DEFAULT false NOT NULL,
	"kader" integer DEFAULT 0 NOT NULL,
	"kader_tersertifikasi" integer DEFAULT 0 NOT NULL,
	"simulated" boolean DEFAULT false NOT NULL,
	"event_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "puskesmas" (
	"kode" text PRIMARY KEY NOT NULL,
	"nama" text NOT NULL,
	"kabupaten_kode" text COLLATE "C" NOT NULL,
	"sumber" text NOT NULL,
	"kode_kemenkes" text,
	"rawat_inap" boolean,
	"lng" double precision,
	"lat" double precision,
	"aktif" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "puskesmas_wilayah" (
	"id" serial PRIMARY KEY NOT NULL,
	"puskesmas_kode" text NOT NULL,
	"desa_kode" text COLLATE "C" NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"confirmed" boolean DEFAULT false NOT NULL,
	"event_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pustu" (
	"id" serial PRIMARY KEY NOT NULL,
	"desa_kode" text COLLATE "C" NOT NULL,
	"nama" text,
	"perawat" integer DEFAULT 0 NOT NULL,
	"bidan" integer DEFAULT 0 NOT NULL,
	"simulated" boolean DEFAULT false NOT NULL,
	"event_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "readiness_answer" (
	"puskesmas_kode" text NOT NULL,
	"item" text NOT NULL,
	"value" boolean NOT NULL,
	"simulated" boolean DEFAULT false NOT NULL,
	"event_id" integer NOT NULL,
	CONSTRAINT "readiness_answer_puskesmas_kode_item_pk" PRIMARY KEY("puskesmas_kode","item")
);
--> statement-breakpoint
CREATE TABLE "rollout_event" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"oleh" text NOT NULL,
	"kind" text NOT NULL,
	"puskesmas_kode" text,
	"kabupaten_kode" text COLLATE "C",
	"before" jsonb,
	"after" jsonb,
	"note" text,
	"simulated" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ilp_stage" ADD CONSTRAINT "ilp_stage_puskesmas_kode_puskesmas_kode_fk" FOREIGN KEY ("puskesmas_kode") REFERENCES "public"."puskesmas"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ilp_stage" ADD CONSTRAINT "ilp_stage_event_id_rollout_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."rollout_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ilp_wave" ADD CONSTRAINT "ilp_wave_event_id_rollout_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."rollout_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ilp_wave_member" ADD CONSTRAINT "ilp_wave_member_wave_id_ilp_wave_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."ilp_wave"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ilp_wave_member" ADD CONSTRAINT "ilp_wave_member_puskesmas_kode_puskesmas_kode_fk" FOREIGN KEY ("puskesmas_kode") REFERENCES "public"."puskesmas"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action" ADD CONSTRAINT "meeting_action_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action_change" ADD CONSTRAINT "meeting_action_change_action_id_meeting_action_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."meeting_action"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_note" ADD CONSTRAINT "meeting_note_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posyandu" ADD CONSTRAINT "posyandu_event_id_rollout_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."rollout_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "puskesmas_wilayah" ADD CONSTRAINT "puskesmas_wilayah_puskesmas_kode_puskesmas_kode_fk" FOREIGN KEY ("puskesmas_kode") REFERENCES "public"."puskesmas"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "puskesmas_wilayah" ADD CONSTRAINT "puskesmas_wilayah_event_id_rollout_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."rollout_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pustu" ADD CONSTRAINT "pustu_event_id_rollout_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."rollout_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_answer" ADD CONSTRAINT "readiness_answer_puskesmas_kode_puskesmas_kode_fk" FOREIGN KEY ("puskesmas_kode") REFERENCES "public"."puskesmas"("kode") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readiness_answer" ADD CONSTRAINT "readiness_answer_event_id_rollout_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."rollout_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ilp_stage_puskesmas_idx" ON "ilp_stage" USING btree ("puskesmas_kode","date");--> statement-breakpoint
CREATE INDEX "ilp_wave_kabupaten_idx" ON "ilp_wave" USING btree ("kabupaten_kode","tahun");--> statement-breakpoint
CREATE INDEX "meeting_wilayah_idx" ON "meeting" USING btree ("wilayah_kode","tanggal");--> statement-breakpoint
CREATE INDEX "meeting_action_desa_idx" ON "meeting_action" USING btree ("desa_kode");--> statement-breakpoint
CREATE INDEX "meeting_action_meeting_idx" ON "meeting_action" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_note_meeting_idx" ON "meeting_note" USING btree ("meeting_id","item_key");--> statement-breakpoint
CREATE INDEX "posyandu_desa_idx" ON "posyandu" USING btree ("desa_kode");--> statement-breakpoint
CREATE INDEX "puskesmas_kabupaten_idx" ON "puskesmas" USING btree ("kabupaten_kode");--> statement-breakpoint
CREATE INDEX "puskesmas_wilayah_puskesmas_idx" ON "puskesmas_wilayah" USING btree ("puskesmas_kode");--> statement-breakpoint
CREATE INDEX "puskesmas_wilayah_desa_idx" ON "puskesmas_wilayah" USING btree ("desa_kode","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "puskesmas_wilayah_open_desa_idx" ON "puskesmas_wilayah" USING btree ("desa_kode") WHERE valid_to IS NULL;--> statement-breakpoint
CREATE INDEX "pustu_desa_idx" ON "pustu" USING btree ("desa_kode");--> statement-breakpoint
CREATE INDEX "rollout_event_puskesmas_idx" ON "rollout_event" USING btree ("puskesmas_kode");--> statement-breakpoint
CREATE INDEX "rollout_event_kabupaten_idx" ON "rollout_event" USING btree ("kabupaten_kode");