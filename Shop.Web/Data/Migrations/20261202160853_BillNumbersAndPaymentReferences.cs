using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shop.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BillNumbersAndPaymentReferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "Bills",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PaymentReference",
                table: "Bills",
                type: "TEXT",
                maxLength: 25,
                nullable: true);

            // Existing bills are numbered in order of creation (their ids), per year of placing, like new ones
            // (BillNumbers); each year's counter then continues after them. Their payment reference stays empty: a
            // buyer of a pending cheque or transfer was already told the bill's reference, which search still finds.
            migrationBuilder.Sql("""
                UPDATE Bills SET Number = strftime('%Y', CreatedAt) || '-' || printf('%06d',
                    (SELECT COUNT(*) FROM Bills AS earlier
                     WHERE strftime('%Y', earlier.CreatedAt) = strftime('%Y', Bills.CreatedAt) AND earlier.Id <= Bills.Id));
                """);
            migrationBuilder.Sql("""
                INSERT INTO Sequences (Name, Value)
                SELECT 'bill-number-' || strftime('%Y', CreatedAt), COUNT(*) FROM Bills GROUP BY strftime('%Y', CreatedAt);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Bills_Number",
                table: "Bills",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bills_PaymentReference",
                table: "Bills",
                column: "PaymentReference");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM Sequences WHERE Name LIKE 'bill-number-%';");

            migrationBuilder.DropIndex(
                name: "IX_Bills_Number",
                table: "Bills");

            migrationBuilder.DropIndex(
                name: "IX_Bills_PaymentReference",
                table: "Bills");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Bills");

            migrationBuilder.DropColumn(
                name: "PaymentReference",
                table: "Bills");
        }
    }
}
