-- Urgent transfers (docs/emergency.md): a record whose content marks an imminent risk, or whose envelope said
-- urgent: true where its agreement flow allows it. Delivered ahead of routine transfers, listed first in a mailbox
-- or inbox, past the recipient's backlog bound.
alter table transfer add column urgent boolean default false not null;

