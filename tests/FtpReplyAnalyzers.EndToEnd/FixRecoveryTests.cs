using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using FtpReplyAnalyzers.EndToEnd.Infrastructure;
using FtpReplyAnalyzers.EndToEnd.Shapes;
using Xunit.Abstractions;

namespace FtpReplyAnalyzers.EndToEnd;

/// <summary>
/// Each shape of FTP client code is built and run against the fault-injecting server as written (it gives up), then
/// the rule's fix is applied as a user applies it, and the fixed code is built and run again: with a transient fault
/// that clears it recovers with byte-exact data; with one that never clears it gives up after exactly 1 + max_retries
/// attempts (counted in the server's log) with the cause kept; a 550 is tried once. Where the fix could not recover
/// correctly it is not offered, and the diagnostic stays.
/// </summary>
public sealed class FixRecoveryTests : IClassFixture<FaultFtpServer>
{
    private const int AllAttempts = 1 + Shape.MaxRetries;
    private static readonly byte[] Data = CreateData(65_536);

    private readonly FaultFtpServer _server;
    private readonly ITestOutputHelper _output;

    public FixRecoveryTests(FaultFtpServer server, ITestOutputHelper output)
    {
        _server = server;
        _output = output;
    }

    [Fact]
    public async Task Request_created_before_the_try_is_created_again_by_every_attempt()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.RequestBeforeTry, "FTPR0001");

        var run = Retrieve(unfixed, "426x1@4096_data.bin");
        AssertGaveUp<InvalidOperationException>(run, attempts: 1);

        run = Retrieve(@fixed, "426x1@4096_data.bin");
        Assert.Equal(Data, run.Outcome.Returned);
        Assert.Equal(2, run.Attempts);

        run = Retrieve(@fixed, "426xall@4096_data.bin");
        AssertGaveUp<InvalidOperationException>(run, AllAttempts);
        Assert.IsType<WebException>(run.Outcome.Thrown!.InnerException);

        run = Retrieve(@fixed, "missing.bin");
        AssertGaveUp<WebException>(run, attempts: 1);
    }

    [Fact]
    public async Task For_loop_over_files_retries_the_failed_file_and_resets_the_file_it_writes()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.ForLoopOverFiles, "FTPR0001");
        string[] files = ["first.bin", "426x1@4096_second.bin", "third.bin"];

        var run = Retrieve(unfixed, files);
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(2, run.Attempts);

        run = Retrieve(@fixed, files);
        Assert.Equal(true, run.Outcome.Returned);
        Assert.Equal(4, run.Attempts);
        foreach (var file in files)
        {
            Assert.Equal(Data, File.ReadAllBytes(Path.Combine(Path.GetTempPath(), "ftpr-e2e-out", run.Folder, file)));
        }

        run = Retrieve(@fixed, "first.bin", "426xall@4096_second.bin", "third.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(1 + AllAttempts, run.Attempts);
    }

    [Fact]
    public async Task While_loop_over_files_gives_each_file_its_own_retries()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.WhileLoopOverFiles, "FTPR0001");
        string[] files = ["450x1_a.bin", "450x1_b.bin", "450x1_c.bin", "450x1_d.bin"];

        var run = Retrieve(unfixed, files);
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(1, run.Attempts);

        run = Retrieve(@fixed, files);
        Assert.Equal(true, run.Outcome.Returned);
        Assert.Equal(8, run.Attempts);
        Assert.Equal(Enumerable.Repeat(Data, 4).SelectMany(d => d).ToArray(), run.Output.ToArray());

        run = Retrieve(@fixed, "a.bin", "450xall_b.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(1 + AllAttempts, run.Attempts);
    }

    [Fact]
    public async Task Caller_stream_is_reset_to_where_it_stood_before_each_new_attempt()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.CallerStream, "FTPR0001");
        var header = "HEADER"u8.ToArray();

        var run = Retrieve(unfixed, header, "426x1@4096_data.bin");
        AssertGaveUp<IOException>(run, attempts: 1);

        run = Retrieve(@fixed, header, "426x2@4096_data.bin");
        Assert.Equal(true, run.Outcome.Returned);
        Assert.Equal(3, run.Attempts);
        Assert.Equal(header.Concat(Data).ToArray(), run.Output.ToArray());

        run = Retrieve(@fixed, header, "426xall@4096_data.bin");
        AssertGaveUp<IOException>(run, AllAttempts);
        Assert.IsType<WebException>(run.Outcome.Thrown!.InnerException);

        // A destination that cannot seek cannot be set back: the fixed code gives up at once, as before the fix (never a
        // success with what the failed attempt wrote), and now with the cause.
        run = Retrieve(@fixed, header, "426x1@4096_data.bin", "pipe");
        AssertGaveUp<IOException>(run, attempts: 1);
        Assert.IsType<WebException>(run.Outcome.Thrown!.InnerException);
    }

    [Fact]
    public async Task Data_connection_reset_during_the_transfer_is_retried_and_a_full_disk_is_not()
    {
        // A reset (RST) data connection comes out of FtpWebRequest's response stream as IOException around a
        // SocketException, not as the WebException of a 426: the fix's catch of the reset retries it.
        var (unfixed, @fixed) = await FixAsync(ShapeSources.CallerStream, "FTPR0001");
        var header = "HEADER"u8.ToArray();

        var run = Retrieve(unfixed, header, "rstx1@4096_data.bin");
        AssertGaveUp<IOException>(run, attempts: 1);
        Assert.IsType<SocketException>(run.Outcome.Thrown!.InnerException);

        run = Retrieve(@fixed, header, "rstx2@4096_data.bin");
        Assert.Equal(true, run.Outcome.Returned);
        Assert.Equal(3, run.Attempts);
        Assert.Equal(header.Concat(Data).ToArray(), run.Output.ToArray());

        // Once the attempts are used up, the reset goes on as it did before the fix.
        run = Retrieve(@fixed, header, "rstxall@4096_data.bin");
        AssertGaveUp<IOException>(run, AllAttempts);
        Assert.IsType<SocketException>(run.Outcome.Thrown!.InnerException);

        // A local write error is an IOException too, without a SocketException inside: it is not retried.
        run = Retrieve(@fixed, header, "data.bin", "disk-full");
        AssertGaveUp<IOException>(run, attempts: 1);
        Assert.Equal("No space left on device", run.Outcome.Thrown!.Message);
        Assert.Null(run.Outcome.Thrown.InnerException);
    }

    [Fact]
    public async Task Catch_without_a_name_gets_one_and_the_last_reply_is_kept_as_the_cause()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.UnnamedCatchThrows, "FTPR0001");

        var run = Retrieve(unfixed, "426x1@4096_data.bin");
        AssertGaveUp<IOException>(run, attempts: 1);
        Assert.Null(run.Outcome.Thrown!.InnerException);

        run = Retrieve(@fixed, "426x1@4096_data.bin");
        Assert.Equal(Data, run.Outcome.Returned);
        Assert.Equal(2, run.Attempts);

        run = Retrieve(@fixed, "426xall@4096_data.bin");
        AssertGaveUp<IOException>(run, AllAttempts);
        Assert.Equal("download failed", run.Outcome.Thrown!.Message);
        Assert.Equal(FtpStatusCode.ConnectionClosed, StatusOf(run.Outcome.Thrown.InnerException));

        run = Retrieve(@fixed, "missing.bin");
        AssertGaveUp<IOException>(run, attempts: 1);
        Assert.Equal(FtpStatusCode.ActionNotTakenFileUnavailable, StatusOf(run.Outcome.Thrown!.InnerException));

        run = Retrieve(@fixed, "rstx1@4096_data.bin");
        Assert.Equal(Data, run.Outcome.Returned);
        Assert.Equal(2, run.Attempts);
    }

    [Fact]
    public async Task Own_exception_type_that_takes_no_cause_is_thrown_as_written_after_the_last_attempt()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.OwnExceptionWithoutCause, "FTPR0001");

        var run = Run(unfixed, "DELE", header: null, "450x1_data.bin");
        AssertGaveUp(run, "TransferFailedException", attempts: 1);

        run = Run(@fixed, "DELE", header: null, "450x2_data.bin");
        Assert.Equal(true, run.Outcome.Returned);
        Assert.Equal(3, run.Attempts);
        Assert.False(_server.Exists(run.Folder, "450x2_data.bin"));

        // The type callers catch, as before the fix; it has no constructor that takes the cause.
        run = Run(@fixed, "DELE", header: null, "450xall_data.bin");
        AssertGaveUp(run, "TransferFailedException", AllAttempts);
        Assert.Null(run.Outcome.Thrown!.InnerException);

        run = Run(@fixed, "DELE", header: null, "missing.bin");
        AssertGaveUp<WebException>(run, attempts: 1);
    }

    [Fact]
    public async Task Status_tested_after_GetResponse_is_not_reported_the_WebException_arrives_first()
    {
        // The analyzer reports no FTPR0001 on this dead test (and the fix would not be offered there either).
        var unfixed = await Shape.CreateAsync(ShapeSources.StatusAfterGetResponse);
        Assert.DoesNotContain("FTPR0001", unfixed.Ids);

        // FtpWebRequest throws for the 450 before the test can see it.
        var run = Run(unfixed, "DELE", header: null, "450x1_data.bin");
        AssertGaveUp<WebException>(run, attempts: 1);
        Report(unfixed, null, "not reported: the status test after GetResponse never sees a 4xx", run, null);
    }

    [Fact]
    public async Task Socket_client_whose_method_performs_the_whole_sequence_is_retried_from_the_connection()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.SocketClient, "FTPR0001");

        var run = Retrieve(unfixed, "450x1_data.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(1, run.Attempts);

        run = Retrieve(@fixed, "450x2_data.bin");
        Assert.Equal(true, run.Outcome.Returned);
        Assert.Equal(3, run.Attempts);
        Assert.Equal(Data, run.Output.ToArray());

        run = Retrieve(@fixed, "450xall_data.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(AllAttempts, run.Attempts);

        run = Retrieve(@fixed, "missing.bin");
        AssertGaveUp<IOException>(run, attempts: 1);
    }

    [Fact]
    public async Task Socket_client_that_sends_RETR_after_PASV_set_up_before_gets_no_fix()
    {
        var unfixed = await Shape.CreateAsync(ShapeSources.SocketTransferAfterPasv);
        Assert.Contains("FTPR0001", unfixed.Ids);
        Assert.Null(await unfixed.FixAsync("FTPR0001"));

        var run = Retrieve(unfixed, "450x1_data.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(1, run.Attempts);
        Report(unfixed, null, "no fix: the retry must repeat PASV and the data connection", run, null);
    }

    [Fact]
    public async Task Upload_with_a_bare_WebException_catch_retries_450_425_421_and_fails_550_at_once()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.UploadCatchAll, "FTPR0001");

        var run = Store(unfixed, "450x2_data.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(1, run.Attempts);

        run = Store(@fixed, "450x2_data.bin");
        Assert.Equal(true, run.Outcome.Returned);
        Assert.Equal(3, run.Attempts);
        Assert.Equal(Data, _server.Get(run.Folder, "450x2_data.bin"));

        run = Store(@fixed, "425x1_data.bin");
        Assert.Equal(true, run.Outcome.Returned);
        Assert.Equal(2, run.Attempts);
        Assert.Equal(Data, _server.Get(run.Folder, "425x1_data.bin"));

        // 421 closes the control connection: FtpWebRequest opens a new one for the new request.
        run = Store(@fixed, "421x1_data.bin");
        Assert.Equal(true, run.Outcome.Returned);
        Assert.Equal(2, run.Attempts);
        Assert.Equal(Data, _server.Get(run.Folder, "421x1_data.bin"));

        run = Store(@fixed, "450xall_data.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(AllAttempts, run.Attempts);

        run = Run(@fixed, "STOR", header: null, "no-such-folder/data.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(1, run.Attempts);
    }

    [Fact]
    public async Task Large_upload_cut_off_by_the_server_fails_on_the_write_and_is_retried()
    {
        // 64 KB fit in the sockets' buffers, and the 426 then arrives as a WebException; of a large upload the client is
        // still writing when the server closes or resets the data connection: IOException around a SocketException.
        var (unfixed, @fixed) = await FixAsync(ShapeSources.UploadCatchAll, "FTPR0001");
        var large = CreateData(16_000_000);

        var run = Run(unfixed, "STOR", large, "426x1@4096_large.bin");
        AssertGaveUp<IOException>(run, attempts: 1);
        Assert.IsType<SocketException>(run.Outcome.Thrown!.InnerException);

        run = Run(@fixed, "STOR", large, "426x1@4096_large.bin");
        Assert.Equal(true, run.Outcome.Returned);
        Assert.Equal(2, run.Attempts);
        Assert.Equal(large, _server.Get(run.Folder, "426x1@4096_large.bin"));

        run = Run(@fixed, "STOR", large, "rstx2@4096_large.bin");
        Assert.Equal(true, run.Outcome.Returned);
        Assert.Equal(3, run.Attempts);
        Assert.Equal(large, _server.Get(run.Folder, "rstx2@4096_large.bin"));

        run = Run(@fixed, "STOR", large, "rstxall@4096_large.bin");
        AssertGaveUp<IOException>(run, AllAttempts);
    }

    [Fact]
    public async Task Delete_that_throws_keeps_the_cause_after_the_last_attempt()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.DeleteThrows, "FTPR0001");

        var run = Run(unfixed, "DELE", header: null, "450x1_data.bin");
        AssertGaveUp<IOException>(run, attempts: 1);

        run = Run(@fixed, "DELE", header: null, "450x1_data.bin");
        Assert.Equal(true, run.Outcome.Returned);
        Assert.Equal(2, run.Attempts);
        Assert.False(_server.Exists(run.Folder, "450x1_data.bin"));

        run = Run(@fixed, "DELE", header: null, "450xall_data.bin");
        AssertGaveUp<IOException>(run, AllAttempts);
        Assert.IsType<WebException>(run.Outcome.Thrown!.InnerException);

        run = Run(@fixed, "DELE", header: null, "missing.bin");
        AssertGaveUp<WebException>(run, attempts: 1);
    }

    [Fact]
    public async Task Status_tested_in_the_catch_is_retried()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.StatusTestedInCatch, "FTPR0001");

        var run = Retrieve(unfixed, "451x1_data.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(1, run.Attempts);

        run = Retrieve(@fixed, "451x3_data.bin");
        Assert.Equal(Data, run.Outcome.Returned);
        Assert.Equal(4, run.Attempts);

        run = Retrieve(@fixed, "451xall_data.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(AllAttempts, run.Attempts);

        run = Retrieve(@fixed, "missing.bin");
        AssertGaveUp<WebException>(run, attempts: 1);
    }

    [Fact]
    public async Task Socket_command_sent_and_answered_by_one_call_is_retried()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.SocketCommand, "FTPR0001");

        var run = Run(unfixed, "DELE", header: null, "450x1_data.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(1, run.Attempts);

        run = Run(@fixed, "DELE", header: null, "450x2_data.bin");
        Assert.Equal(true, run.Outcome.Returned);
        Assert.Equal(3, run.Attempts);

        run = Run(@fixed, "DELE", header: null, "450xall_data.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(AllAttempts, run.Attempts);

        run = Run(@fixed, "DELE", header: null, "missing.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(1, run.Attempts);
    }

    [Fact]
    public async Task Async_code_with_a_token_passes_it_to_the_delay_and_stops_when_it_is_cancelled()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.AsyncWithToken, "FTPR0001");
        Assert.Contains("Task.Delay(TimeSpan.FromMilliseconds(20 * Math.Pow(2, attempt)), token)", @fixed.Text, StringComparison.Ordinal);

        var run = Retrieve(unfixed, "426x1@4096_data.bin");
        AssertGaveUp<IOException>(run, attempts: 1);

        run = Retrieve(@fixed, "426x1@4096_data.bin");
        Assert.Equal(Data, run.Outcome.Returned);
        Assert.Equal(2, run.Attempts);

        run = Retrieve(@fixed, "426xall@4096_data.bin");
        AssertGaveUp<IOException>(run, AllAttempts);
        Assert.IsType<WebException>(run.Outcome.Thrown!.InnerException);

        // Read asynchronously, a reset data connection comes out as IOException or as the 426, whichever the client sees first.
        run = Retrieve(@fixed, "rstx1@4096_data.bin");
        Assert.Equal(Data, run.Outcome.Returned);
        Assert.Equal(2, run.Attempts);

        await AssertStopsWhenCancelledAsync(ShapeSources.AsyncWithToken, "426xall@4096_data.bin");
    }

    [Fact]
    public async Task Async_code_without_a_token_recovers()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.AsyncWithoutToken, "FTPR0001");

        var run = Retrieve(unfixed, "426x1@4096_data.bin");
        AssertGaveUp<IOException>(run, attempts: 1);

        run = Retrieve(@fixed, "426x2@4096_data.bin");
        Assert.Equal(Data, run.Outcome.Returned);
        Assert.Equal(3, run.Attempts);

        run = Retrieve(@fixed, "426xall@4096_data.bin");
        AssertGaveUp<IOException>(run, AllAttempts);
    }

    [Fact]
    public async Task Synchronous_code_with_a_token_waits_on_it_and_stops_when_it_is_cancelled()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.SyncWithToken, "FTPR0001");
        Assert.Contains("token.WaitHandle.WaitOne(", @fixed.Text, StringComparison.Ordinal);

        var run = Retrieve(unfixed, "450x1_data.bin");
        AssertGaveUp<IOException>(run, attempts: 1);

        run = Retrieve(@fixed, "450x1_data.bin");
        Assert.Equal(Data, run.Outcome.Returned);
        Assert.Equal(2, run.Attempts);

        run = Retrieve(@fixed, "450xall_data.bin");
        AssertGaveUp<IOException>(run, AllAttempts);

        await AssertStopsWhenCancelledAsync(ShapeSources.SyncWithToken, "450xall_data.bin");
    }

    [Fact]
    public async Task Narrowed_retry_tries_550_once_and_still_retries_450()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.RetriesEverything, "FTPR0003");

        var run = Retrieve(unfixed, "missing.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(4, run.Attempts);

        run = Retrieve(@fixed, "missing.bin");
        AssertGaveUp<WebException>(run, attempts: 1);

        run = Retrieve(@fixed, "450x2_data.bin");
        Assert.Equal(Data, run.Outcome.Returned);
        Assert.Equal(3, run.Attempts);
    }

    [Fact]
    public async Task Retry_test_followed_by_the_success_path_gets_no_FTPR0003_fix()
    {
        // Narrowed to 4xx, the test would let a 550 fall through to "return true": a silent success.
        var unfixed = await Shape.CreateAsync(ShapeSources.RetryTestTakesEveryNegative);
        Assert.Contains("FTPR0003", unfixed.Ids);
        Assert.Null(await unfixed.FixAsync("FTPR0003"));

        var run = Run(unfixed, "DELE", header: null, "missing.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(4, run.Attempts);
        Report(unfixed, null, "no fix: a narrowed test would send a 5xx to the success path", run, null);
    }

    [Fact]
    public async Task Narrowed_retry_test_fails_550_at_once_and_still_retries_450()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.RetryTestThenReplyTestedAgain, "FTPR0003");

        var run = Run(unfixed, "DELE", header: null, "missing.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(4, run.Attempts);

        run = Run(@fixed, "DELE", header: null, "missing.bin");
        Assert.Equal(false, run.Outcome.Returned);
        Assert.Equal(1, run.Attempts);

        run = Run(@fixed, "DELE", header: null, "450x2_data.bin");
        Assert.Equal(true, run.Outcome.Returned);
        Assert.Equal(3, run.Attempts);
        Assert.False(_server.Exists(run.Folder, "450x2_data.bin"));
    }

    [Fact]
    public async Task Success_test_of_DELE_accepts_250_after_the_FTPR0002_fix()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.DeleteExpects200, "FTPR0002");
        Assert.Contains("if (reply.Code / 100 != 2)", @fixed.Text, StringComparison.Ordinal);

        var run = Run(unfixed, "DELE", header: null, "data.bin");
        AssertGaveUp<IOException>(run, attempts: 1);
        Assert.False(_server.Exists(run.Folder, "data.bin"));

        run = Run(@fixed, "DELE", header: null, "data.bin");
        Assert.Equal(true, run.Outcome.Returned);
        Assert.False(_server.Exists(run.Folder, "data.bin"));

        run = Run(@fixed, "DELE", header: null, "missing.bin");
        AssertGaveUp<IOException>(run, attempts: 1);
    }

    [Fact]
    public async Task Success_test_of_RNFR_accepts_350_after_the_FTPR0005_fix()
    {
        var (unfixed, @fixed) = await FixAsync(ShapeSources.RenameExpects250, "FTPR0005");
        Assert.Contains("if (reply.Code != 350)", @fixed.Text, StringComparison.Ordinal);

        var run = Run(unfixed, "RNFR", header: null, "data.bin");
        AssertGaveUp<IOException>(run, attempts: 0);
        Assert.True(_server.Exists(run.Folder, "data.bin"));

        run = Run(@fixed, "RNFR", header: null, "data.bin");
        Assert.Equal(true, run.Outcome.Returned);
        Assert.False(_server.Exists(run.Folder, "data.bin"));
        Assert.Equal(Data, _server.Get(run.Folder, "renamed.bin"));

        run = Run(@fixed, "RNFR", header: null, "missing.bin");
        AssertGaveUp<IOException>(run, attempts: 0);
    }

    /// <summary>
    /// With a first delay of 10 s, a token cancelled 300 ms into the run (while the code waits before its first retry)
    /// ends it well within that delay, with OperationCanceledException.
    /// </summary>
    private async Task AssertStopsWhenCancelledAsync(string source, string file)
    {
        var slow = await (await Shape.CreateAsync(source, firstDelayMilliseconds: 10_000)).FixAsync("FTPR0001");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var run = Run(slow!, "RETR", header: null, new[] { file }, cancellation.Token);
        Assert.True(run.Outcome.Thrown is OperationCanceledException, $"expected OperationCanceledException, got {run.Outcome}");
        Assert.Equal(1, run.Attempts);
        Assert.True(run.Outcome.Elapsed < TimeSpan.FromSeconds(3), $"stopped after {run.Outcome.Elapsed}");
    }

    private async Task<(Shape Unfixed, Shape Fixed)> FixAsync(string source, string id)
    {
        var unfixed = await Shape.CreateAsync(source);
        Assert.Contains(id, unfixed.Ids);
        var @fixed = await unfixed.FixAsync(id);
        Assert.True(@fixed is not null, $"no {id} fix offered for:\n{source}");
        Assert.DoesNotContain(id, @fixed!.Ids);
        _output.WriteLine(@fixed.Text);
        return (unfixed, @fixed);
    }

    private sealed record RunResult(Outcome Outcome, int Attempts, string Folder, MemoryStream Output);

    private RunResult Retrieve(Shape shape, params string[] files) => Run(shape, "RETR", header: null, files);

    private RunResult Retrieve(Shape shape, byte[] header, params string[] files) => Run(shape, "RETR", header, files);

    private RunResult Store(Shape shape, params string[] files) => Run(shape, "STOR", Data, files);

    private RunResult Run(Shape shape, string command, byte[]? header, params string[] files) => Run(shape, command, header, files, CancellationToken.None);

    private RunResult Run(Shape shape, string command, byte[]? header, string[] files, CancellationToken token)
    {
        var folder = _server.NewRunFolder();
        if (command != "STOR")
        {
            foreach (var file in files.Where(f => !f.StartsWith("missing", StringComparison.Ordinal)))
            {
                _server.Put(folder, file, Data);
            }
        }

        var output = new MemoryStream();
        output.Write(header ?? []);
        var outcome = shape.Run(_server, folder, files, output, token);
        var attempts = files.Sum(f => _server.Attempts(command, folder, f));
        _output.WriteLine($"{command} {string.Join(", ", files)}: {outcome}, {attempts} attempt(s), {outcome.Elapsed.TotalMilliseconds:F0} ms");
        return new RunResult(outcome, attempts, folder, output);
    }

    private static void AssertGaveUp<TException>(RunResult run, int attempts)
        where TException : Exception
    {
        Assert.True(run.Outcome.Thrown is TException, $"expected {typeof(TException).Name}, got {run.Outcome}");
        Assert.Equal(attempts, run.Attempts);
    }

    private static void AssertGaveUp(RunResult run, string exceptionType, int attempts)
    {
        Assert.True(run.Outcome.Thrown?.GetType().Name == exceptionType, $"expected {exceptionType}, got {run.Outcome}");
        Assert.Equal(attempts, run.Attempts);
    }

    private static FtpStatusCode? StatusOf(Exception? exception) => ((exception as WebException)?.Response as FtpWebResponse)?.StatusCode;

    private void Report(Shape unfixed, Shape? @fixed, string note, RunResult unfixedRun, RunResult? fixedRun)
        => _output.WriteLine($"{note}: unfixed {unfixedRun.Outcome}; fixed {fixedRun?.Outcome.ToString() ?? "-"}");

    private static byte[] CreateData(int length)
    {
        var data = new byte[length];
        new Random(1959).NextBytes(data);
        return data;
    }
}
