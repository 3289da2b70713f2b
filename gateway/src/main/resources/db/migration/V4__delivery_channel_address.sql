-- Where a transfer is pushed (the agreement flow's channel address), and how many delivery attempts it took.
alter table transfer add column channel_address varchar(500);
alter table transfer add column delivery_attempts integer default 0 not null;
