CREATE TABLE "file_chunks" (
	"file_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "file_chunks_file_id_seq_pk" PRIMARY KEY("file_id","seq")
);
--> statement-breakpoint
INSERT INTO "file_chunks" ("file_id", "seq", "data") SELECT "file_id", 0, "content" FROM "file_contents";--> statement-breakpoint
DROP TABLE "file_contents" CASCADE;
