using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shop.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RefundOfCompleteBill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                table: "BillTransitions",
                columns: new[] { "FromState", "ToState" },
                values: new object[] { "COMPLETE", "PAYBACK" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "BillTransitions",
                keyColumns: new[] { "FromState", "ToState" },
                keyValues: new object[] { "COMPLETE", "PAYBACK" });
        }
    }
}
