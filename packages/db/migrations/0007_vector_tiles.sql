CREATE TABLE "boundary_tile" (
	"z" integer NOT NULL,
	"x" integer NOT NULL,
	"y" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"import_id" integer NOT NULL,
	CONSTRAINT "boundary_tile_z_x_y_pk" PRIMARY KEY("z","x","y")
);
--> statement-breakpoint
ALTER TABLE "boundary_tile" ADD CONSTRAINT "boundary_tile_import_id_boundary_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."boundary_import"("id") ON DELETE no action ON UPDATE no action;