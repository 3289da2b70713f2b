-- Answers and what they answer: a referral outcome names the referral, an information response the request.
-- in_reply_to is the id of the transfer at this gateway that a transfer answers. partner_transfer_id is, for a
-- record that arrived sealed from a partner, the id the partner sealed it under: an answer to it is sealed
-- naming that id, the one the partner knows.
alter table transfer add column in_reply_to varchar(36);
alter table transfer add column partner_transfer_id varchar(200);
create index transfer_in_reply_to on transfer (in_reply_to);
