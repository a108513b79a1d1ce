-- Golisto Sync state store, version 14: each store's periodic work as cluster tasks (same portable SQL as V1, except
-- the one binary column, whose type the engine passes in as ${binary_type}: VARBINARY on HSQLDB, BYTEA on PostgreSQL).

-- db-scheduler's table (github.com/kagkarlsson/db-scheduler, its documented schema): one row per store and kind of
-- work (full, incremental, order poll, status poll), execution_time = when it is next due. A node picks a due row with
-- one conditional UPDATE (picked, picked_by, version), so exactly one node runs it, and while it runs the node writes
-- last_heartbeat; a row whose heartbeat stopped (its node died) is given back and another node picks it. The engine
-- keeps no task data (task_data stays NULL).
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100)             NOT NULL,
    task_instance        VARCHAR(100)             NOT NULL,
    task_data            ${binary_type},
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(200),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    CONSTRAINT scheduled_tasks_pk PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_idx ON scheduled_tasks (priority DESC, execution_time ASC);
