using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shop.Web.Data.Migrations
{
    /// <summary>
    /// Journal rows keep what judging them again needs (query, headers) and the SHA-256 of a body kept only in part; the
    /// append-only triggers cover the new columns, and the one deletion they allow is retention's: old rejected rows that
    /// name no bill and paid nothing (<c>journal archive</c>). Accepted, duplicate, mismatch, unjudged rows and anything
    /// linked to a bill stay for good.
    /// </summary>
    public partial class JournalBoundsHeadersRetention : Migration
    {
        private const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";

        /// <summary>The journal's raw request: never changed once written.</summary>
        private const string RawNeverChanges = """
            CREATE TRIGGER Notifications_RawNeverChanges
            BEFORE UPDATE OF PayMode, ReceivedAt, Method, ContentType, RemoteIp, Body, BodyIsBase64, BodyLength, Truncated,
                BodyBounded, BodySha256, QueryString, Headers ON Notifications
            BEGIN SELECT RAISE(ABORT, 'a journaled notification never changes'); END;
            """;

        /// <summary>
        /// Only a row judged as rejected (bad signature, malformed, unknown transaction, too large, refused), naming no bill,
        /// that the idempotency ledger never points at, and received more than a day ago, may be removed.
        /// </summary>
        private const string OnlyOldRejectedAreRemoved = """
            CREATE TRIGGER Notifications_OnlyOldRejectedAreRemoved BEFORE DELETE ON Notifications
            WHEN OLD.Verdict NOT IN ('BadSignature', 'Malformed', 'UnknownTransaction', 'TooLarge', 'Refused')
              OR OLD.BillReference IS NOT NULL
              OR OLD.ReceivedAt > datetime('now', '-1 day')
              OR EXISTS (SELECT 1 FROM ProcessedNotifications p WHERE p.JournalId = OLD.Id)
            BEGIN SELECT RAISE(ABORT, 'the notification journal is append-only: only rejected notifications that name no bill, more than a day old, leave it (journal archive)'); END;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BodyBounded",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "BodySha256",
                table: "Notifications",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Headers",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QueryString",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Verdict_ReceivedAt",
                table: "Notifications",
                columns: new[] { "Verdict", "ReceivedAt" });

            if (ActiveProvider != Sqlite)
                return;
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Notifications_RawNeverChanges;");
            migrationBuilder.Sql(RawNeverChanges);
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Notifications_NoDelete;");
            migrationBuilder.Sql(OnlyOldRejectedAreRemoved);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_Verdict_ReceivedAt",
                table: "Notifications");

            string[] columns = ["BodyBounded", "BodySha256", "Headers", "QueryString"];
            if (ActiveProvider != Sqlite)
            {
                foreach (var column in columns)
                    migrationBuilder.DropColumn(name: column, table: "Notifications");
                return;
            }
            // EF would drop SQLite columns by rebuilding the table, which takes its triggers along: SQLite's own
            // DROP COLUMN keeps them. The triggers of AppendOnlyJournal come back as they were.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Notifications_OnlyOldRejectedAreRemoved;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Notifications_RawNeverChanges;");
            foreach (var column in columns)
                migrationBuilder.Sql($"ALTER TABLE Notifications DROP COLUMN {column};");
            migrationBuilder.Sql("""
                CREATE TRIGGER Notifications_NoDelete BEFORE DELETE ON Notifications
                BEGIN SELECT RAISE(ABORT, 'the notification journal is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Notifications_RawNeverChanges
                BEFORE UPDATE OF PayMode, ReceivedAt, Method, ContentType, RemoteIp, Body, BodyIsBase64, BodyLength, Truncated ON Notifications
                BEGIN SELECT RAISE(ABORT, 'a journaled notification never changes'); END;
                """);
        }
    }
}
