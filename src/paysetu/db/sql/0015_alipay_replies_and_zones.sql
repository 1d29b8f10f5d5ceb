-- Issue 19: the Alipay gateway answers an identical replay with the original answer, and reads
-- each app's zone-less timestamps in the app's own zone.
--
-- alipay_seen_requests.response_text: the signed <method>_response object the accepted request
-- got, stored in the same transaction as its effect; an identical request (same signature)
-- within the replay window gets it again, byte for byte. Requests remembered before this
-- revision have none (a replay of them is still refused).
--
-- alipay_apps.timezone: the IANA zone the app's server writes its timestamps in; NULL means
-- the deployment's PAYSETU_ALIPAY_TIMEZONE (default Asia/Shanghai, Alipay's own assumption).

ALTER TABLE alipay_seen_requests ADD COLUMN response_text text;
ALTER TABLE alipay_apps ADD COLUMN timezone text
    CHECK (timezone IS NULL OR timezone ~ '^[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*$');
