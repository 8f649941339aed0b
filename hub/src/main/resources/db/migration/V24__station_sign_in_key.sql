-- Version 24 (issue 18, 我的): the key a station's screen derives its sign-in codes from
-- (liaison.signage.protocol.SignInCodes), so that a deputy on duty signs in (签到) by scanning the
-- screen with the phone they are logged in on. Made by the hub when a station has none yet
-- (liaison.hub.mywork.SignInKeys) and then kept: a screen showing yesterday's snapshot still shows
-- codes the hub accepts. Portable SQL, as V1.
ALTER TABLE station ADD COLUMN sign_in_key TEXT;
