using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shop.Web.Data.Migrations
{
    /// <summary>
    /// The notification journal and the bill trace are append-only, enforced by the database itself so no
    /// code path (or hand-run SQL) can rewrite the evidence: a journal row's raw request never changes and
    /// its verdict is written once; trace lines never change; neither is ever deleted.
    /// </summary>
    public partial class AppendOnlyJournal : Migration
    {
        private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (ActiveProvider != Sqlite)
                return;
            migrationBuilder.Sql("""
                CREATE TRIGGER Notifications_NoDelete BEFORE DELETE ON Notifications
                BEGIN SELECT RAISE(ABORT, 'the notification journal is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Notifications_RawNeverChanges
                BEFORE UPDATE OF PayMode, ReceivedAt, Method, ContentType, RemoteIp, Body, BodyIsBase64, BodyLength, Truncated ON Notifications
                BEGIN SELECT RAISE(ABORT, 'a journaled notification never changes'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Notifications_VerdictOnce BEFORE UPDATE OF Verdict, BillReference, Detail ON Notifications
                WHEN OLD.Verdict <> 'Received'
                BEGIN SELECT RAISE(ABORT, 'a notification''s verdict is written once'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER BillTraces_NoUpdate BEFORE UPDATE ON BillTraces
                BEGIN SELECT RAISE(ABORT, 'the bill trace is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER BillTraces_NoDelete BEFORE DELETE ON BillTraces
                BEGIN SELECT RAISE(ABORT, 'the bill trace is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (ActiveProvider != Sqlite)
                return;
            foreach (var trigger in new[] { "Notifications_NoDelete", "Notifications_RawNeverChanges", "Notifications_VerdictOnce", "BillTraces_NoUpdate", "BillTraces_NoDelete" })
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
        }
    }
}
