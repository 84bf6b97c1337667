-- Roll-ups kept at write time (issue 17): sums per wilayah above desa x indicator x year. Filled by the app
-- (data/prepare.ts rebuilds them when values exist without roll-ups, e.g. after this migration on an older database).
CREATE TABLE "value_rollup" (
	"indicator" text NOT NULL,
	"year" integer NOT NULL,
	"kode" text COLLATE "C" NOT NULL,
	"num" integer[] NOT NULL,
	"den" double precision[] NOT NULL,
	"reports" integer[] NOT NULL,
	"reports_with_den" integer[] NOT NULL,
	"simulated" integer[] NOT NULL,
	"last_num" integer[] NOT NULL,
	"last_den" double precision[] NOT NULL,
	"load_id" integer NOT NULL,
	CONSTRAINT "value_rollup_kode_indicator_year_pk" PRIMARY KEY("kode","indicator","year")
);
