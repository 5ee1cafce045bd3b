using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using Shop.PayModes.Core;

namespace Shop.Tests.PayModes.Core;

/// <summary>A fault on the shop's side is no verdict on a notification, and never a 5xx (docs/interfaces.md, "HTTP").</summary>
public sealed class NotificationPipelineTests
{
    [Fact]
    public async Task A_database_fault_while_applying_is_answered_4xx_and_journaled_as_refused_so_the_provider_resends()
    {
        var journal = new FakeJournal();
        var pipeline = new NotificationPipeline(new FailingBills(), journal, TimeProvider.System, NullLogger<NotificationPipeline>.Instance);

        var result = await pipeline.HandleAsync(Request("amount=100"), new PaidProtocol());

        Assert.InRange(StatusOf(result), 400, 499);
        var (verdict, detail) = Assert.Single(journal.Verdicts);
        Assert.Equal(NotificationVerdict.Refused, verdict);
        Assert.Contains("to be sent again", detail);
    }

    [Fact]
    public async Task A_journal_that_cannot_be_written_still_gets_no_5xx()
    {
        var pipeline = new NotificationPipeline(new FailingBills(), new FakeJournal { FailAppend = true }, TimeProvider.System,
            NullLogger<NotificationPipeline>.Instance);

        var result = await pipeline.HandleAsync(Request("amount=100"), new PaidProtocol());

        Assert.InRange(StatusOf(result), 400, 499);
    }

    [Fact]
    public async Task A_row_left_unjudged_by_a_stop_that_meets_a_fault_again_keeps_no_verdict_so_the_next_start_judges_it()
    {
        var journal = new FakeJournal();
        var pipeline = new NotificationPipeline(new FailingBills(), journal, TimeProvider.System, NullLogger<NotificationPipeline>.Instance);
        var raw = new RawNotification("fake", "POST", "application/x-www-form-urlencoded", "amount=100"u8.ToArray(), "",
            new Dictionary<string, string>(), "127.0.0.1");

        var outcome = await pipeline.JudgeAgainAsync(42, new PaidProtocol(), raw);

        Assert.True(outcome.ShopFault);
        Assert.Empty(journal.Verdicts);   // still Received: neither closed for good nor archivable as junk
    }

    /// <summary>The status of an answer, or of the answer a union (<c>Results&lt;...&gt;</c>) holds.</summary>
    private static int StatusOf(IResult result) =>
        Assert.IsAssignableFrom<IStatusCodeHttpResult>(result is INestedHttpResult union ? union.Result : result).StatusCode ?? StatusCodes.Status200OK;

    private static DefaultHttpContext Request(string body)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = "application/x-www-form-urlencoded";
        http.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
        return http;
    }

    private sealed class PaidProtocol : INotificationProtocol
    {
        public string PayMode => "fake";

        public Task<NotificationCheck> VerifyAsync(RawNotification raw, CancellationToken ct) =>
            Task.FromResult(NotificationCheck.Valid(new ProviderPayment("attempt-1", PaymentOutcome.Paid, "fake:1", 100, "EUR")));
    }

    private sealed class FakeJournal : INotificationJournal
    {
        public bool FailAppend { get; init; }

        public List<(NotificationVerdict Verdict, string Detail)> Verdicts { get; } = [];

        public Task<long> AppendAsync(JournalEntry entry, CancellationToken ct = default) =>
            FailAppend ? throw new InvalidOperationException("SQLite Error 5: 'database is locked'.") : Task.FromResult(1L);

        public Task SetVerdictAsync(long id, NotificationVerdict verdict, string? billReference, string detail, CancellationToken ct = default)
        {
            Verdicts.Add((verdict, detail));
            return Task.CompletedTask;
        }
    }

    /// <summary>Knows the attempt, then fails to write: the database went away between the two.</summary>
    private sealed class FailingBills : IBillGateway
    {
        private static readonly BillView Bill = new("BILL-1", BillState.Placed, 100, 0, "EUR", "fake", "Ada", "Lovelace", "ada@example.com",
            [], DateTime.UtcNow, DateTime.UtcNow, false, null, null);

        public Task<BillView?> FindByAttemptAsync(string payMode, string providerReference, CancellationToken ct = default) =>
            Task.FromResult<BillView?>(Bill);

        public Task<ApplyResult> ApplyNotificationAsync(NotificationApplication notification, CancellationToken ct = default) =>
            throw new IOException("disk I/O error");

        public Task<BillView?> FindAsync(string reference, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<AttemptView?> StartAttemptAsync(string reference, string payMode, string? providerReference, int maxAttempts, CancellationToken ct = default) =>
            throw new NotSupportedException();

        public Task<int> NextSequenceAsync(string name, CancellationToken ct = default) => throw new NotSupportedException();

        public Task SetAttemptDataAsync(string attemptReference, string? data, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<TransitionResult> ConfirmOrderAsync(string reference, Actor actor, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<TransitionResult> MarkPaidAsync(string reference, long amount, Actor actor, string what, CancellationToken ct = default) =>
            throw new NotSupportedException();

        public Task FlagAsync(string reference, string reason, Actor actor, string? data = null, CancellationToken ct = default) =>
            throw new NotSupportedException();

        public Task RecordVerifiedReturnAsync(string payMode, string providerReference, CancellationToken ct = default) =>
            throw new NotSupportedException();
    }
}
