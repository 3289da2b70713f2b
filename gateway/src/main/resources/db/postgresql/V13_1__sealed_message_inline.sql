-- PostgreSQL only. A sealed message (about 5 KB for a referral) is ciphertext: compressing it gains nothing, and
-- moving it out of line into TOAST costs every store several more rows and index entries. Kept inline up to the
-- page's limit (toast_tuple_target), and never compressed (STORAGE EXTERNAL): a larger message still goes out of line.
-- Rows stored before this keep their place; the gateway reads both alike.
ALTER TABLE sealed_message ALTER COLUMN content SET STORAGE EXTERNAL;
ALTER TABLE sealed_message SET (toast_tuple_target = 8160);
