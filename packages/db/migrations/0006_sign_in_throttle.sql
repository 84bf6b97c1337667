CREATE TABLE "sign_in_throttle" (
	"address" text NOT NULL,
	"username" text NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone NOT NULL,
	CONSTRAINT "sign_in_throttle_address_username_pk" PRIMARY KEY("address","username")
);
--> statement-breakpoint
CREATE INDEX "sign_in_throttle_username_idx" ON "sign_in_throttle" USING btree ("username");