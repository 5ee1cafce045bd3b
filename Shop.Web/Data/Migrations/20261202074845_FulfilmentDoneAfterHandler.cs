using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Shop.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FulfilmentDoneAfterHandler : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "At",
                table: "FulfilmentRecords",
                newName: "ClaimedAt");

            migrationBuilder.AddColumn<DateTime>(
                name: "DoneAt",
                table: "FulfilmentRecords",
                type: "TEXT",
                nullable: true);

            // Before this migration a record was written as the handler's claim and kept when it succeeded (a failure
            // deleted it), so every existing record is a delivery that was done.
            migrationBuilder.Sql("UPDATE FulfilmentRecords SET DoneAt = ClaimedAt WHERE DoneAt IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DoneAt",
                table: "FulfilmentRecords");

            migrationBuilder.RenameColumn(
                name: "ClaimedAt",
                table: "FulfilmentRecords",
                newName: "At");
        }
    }
}
