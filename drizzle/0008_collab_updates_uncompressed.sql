-- Yjs updates are stored without TOAST compression. A compacted document's state is tens of kilobytes of
-- already compact binary; pglz compressing it on every compaction cost about 10 ms of CPU per write, which on
-- the embedded database (PGlite, in the server's own thread) held up every co-editor's keystrokes. Disk use
-- grows by about the compression ratio of one row per document. Drizzle's schema cannot express storage.
ALTER TABLE "item_document_updates" ALTER COLUMN "update" SET STORAGE EXTERNAL;
