-- Pending break reminders, one per agent: the end of the break (epoch milliseconds) and its length.
CREATE TABLE break_reminder (
  agent_key VARCHAR(512) PRIMARY KEY,
  due_at BIGINT NOT NULL,
  minutes INT NOT NULL);
