-- Several senders (instances) share the outbox: the one posting an escalation, or sending a notice,
-- holds it until lease_until; past it, another may take over (a notice) or a person decides (a post).
ALTER TABLE escalation ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE escalation_notice ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
