using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoEngager.Scheduling.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OutboxAnnouncesOnlyWhatIsAwaited : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A NOTIFY makes its transaction take PostgreSQL's cluster-wide notify lock at commit: one per booking
            // halved the booking rate. Announced now are only rows a consumer could otherwise sleep past: those due
            // within a minute (consumers poll at least once a minute and then look for the next due row themselves).
            // Contact-center rows are never announced: the Scheduling process that writes them wakes its dispatcher
            // in process.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE written record;
                BEGIN
                    FOR written IN
                        SELECT channel, min(due_at) AS due_at FROM inserted
                        WHERE channel <> 'contact-center' AND due_at < now() + interval '1 minute'
                        GROUP BY channel
                    LOOP
                        PERFORM pg_notify('outbox',
                            written.channel || ' ' || floor(extract(epoch FROM written.due_at) * 1000)::bigint);
                    END LOOP;
                    RETURN NULL;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE written record;
                BEGIN
                    FOR written IN SELECT channel, min(due_at) AS due_at FROM inserted GROUP BY channel LOOP
                        PERFORM pg_notify('outbox',
                            written.channel || ' ' || floor(extract(epoch FROM written.due_at) * 1000)::bigint);
                    END LOOP;
                    RETURN NULL;
                END $$;
                """);
        }
    }
}
