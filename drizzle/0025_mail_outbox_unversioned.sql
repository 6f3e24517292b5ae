-- The mail outbox leaves the data version (0024): delivering one mail writes its row twice (sending, then sent or
-- retrying), each in a transaction of its own, and no kept page reads the outbox (only the administrator's outbox
-- page, which is rendered every time). Counted, every mail after a decision or a comment made every person's kept
-- list pages render again, once or twice per mail.
DROP TRIGGER IF EXISTS data_version ON "mail_outbox";
