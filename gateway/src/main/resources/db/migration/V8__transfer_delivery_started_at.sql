-- When delivery of a transfer began: when it was stored, or when it was last resent by hand. A push still
-- undelivered accord.delivery.give-up-after (or its partner's limit) later is marked failed. Earlier transfers
-- began delivery when they were stored.
alter table transfer add column delivery_started_at timestamp with time zone;
update transfer set delivery_started_at = created_at;
alter table transfer alter column delivery_started_at set not null;
