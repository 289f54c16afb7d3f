-- Scheduled jobs that run once per period across the nodes of a cluster (ShedLock, docs/cluster.md):
-- one row per job; a node runs the job only while it holds the row (lock_until in the future).
create table shedlock (
  name varchar(64) not null,
  lock_until timestamp(3) not null,
  locked_at timestamp(3) not null,
  locked_by varchar(255) not null,
  constraint shedlock_pk primary key (name)
);
