using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CustomerService.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MessagingLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessagingLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<string>(type: "character varying(36)", unicode: false, maxLength: 36, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    CustomerId = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    CustomerVersion = table.Column<int>(type: "integer", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PendingOutboxMessages",
                columns: table => new
                {
                    MessageId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingOutboxMessages", x => x.MessageId);
                    table.ForeignKey(
                        name: "FK_PendingOutboxMessages_OutboxMessages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "OutboxMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "MessagingLeases",
                columns: new[] { "Name", "ExpiresAt", "Holder" },
                values: new object[] { "outbox-relay", new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), null });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_OccurredAt",
                table: "OutboxMessages",
                column: "OccurredAt");

            // The feed's commit order (docs/decisions/013-outbox-and-change-feed.md): the id of the writing
            // transaction, outside the EF model because only the feed's own SQL reads it.
            migrationBuilder.Sql(
                """
                ALTER TABLE "OutboxMessages" ADD COLUMN "TransactionId" xid8 NOT NULL DEFAULT pg_current_xact_id();
                CREATE INDEX "IX_OutboxMessages_TransactionId_Id" ON "OutboxMessages" ("TransactionId", "Id");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MessagingLeases");

            migrationBuilder.DropTable(
                name: "PendingOutboxMessages");

            migrationBuilder.DropTable(
                name: "OutboxMessages");
        }
    }
}
