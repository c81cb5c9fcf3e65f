-- Sign-in guessing is slowed by growing delays instead of a lock-out (login_throttle.locked_until of a
-- USERNAME row now means "the next attempt is not evaluated before"). An address from which the account
-- signed in successfully is exempt from that account's delay, so a stranger's failures cannot keep the owner
-- out; the per-address throttle still applies to it.
create table identity.login_known_address (
    username        text not null check (length(username) <= 64),
    address         text not null check (length(address) <= 200),
    last_success_at timestamptz not null,
    primary key (username, address)
);

-- Failed sign-ins (and wrong current passwords) per account since the owner last set a password, so that the
-- owner and the administrators see repeated failures even after a later success.
create table identity.failed_sign_in_notice (
    username       text primary key check (length(username) <= 64),
    failures       int not null,
    first_at       timestamptz not null,
    last_at        timestamptz not null,
    last_address   text check (length(last_address) <= 200)
);

-- the change-password call counts wrong current passwords with the same delays
alter table identity.login_throttle drop constraint login_throttle_kind_check;
alter table identity.login_throttle add constraint login_throttle_kind_check
    check (kind in ('USERNAME', 'ADDRESS', 'PASSWORD_CHANGE'));
