namespace FtpReplyAnalyzers.Benchmarks;

/// <summary>
/// FTP client code dense in the shapes the rule pages and tests describe, in every client style: retry loops and
/// the give-ups after them, <c>catch ... when</c> filters, Polly policies and retry helpers, try-once helpers that a
/// caller retries, hand-written socket clients with reply fields and reply lines, switch statements and switch
/// expressions over codes, FluentFTP <c>Execute</c> replies, FtpWebRequest with WebException catches. Each class
/// holds both code the rules report (all eight rules) and the look-alikes they must leave alone (4xx retries, 5xx
/// give-ups, full positive sets, HTTP codes, unrelated numbers). Placeholders: {0} the class's number, {1} a retry
/// count, {2} a delay in milliseconds, {3} a file name: the generated methods differ from class to class.
/// </summary>
internal static partial class CodeGenerator
{
    /// <summary>Written for files that import System, System.IO, System.Net, System.Threading(.Tasks) and FluentFTP(.Exceptions).</summary>
    private static readonly string[] ShapeTemplates =
    {
        // FtpWebRequest with WebException catches: give-ups (FTPR0001), retries of every refusal (FTPR0003), and the
        // retry loops, catch filters and expected negatives that are right.
        """
        public sealed class WebRequestTransfers{0}
        {{
            private readonly NetworkCredential _credentials = new NetworkCredential("user{0}", "secret");

            private FtpWebRequest Create(Uri uri, string method)
            {{
                var request = (FtpWebRequest)WebRequest.Create(uri);
                request.Method = method;
                request.Credentials = _credentials;
                request.UsePassive = true;
                return request;
            }}

            public void Download(Uri uri)
            {{
                var request = Create(uri, WebRequestMethods.Ftp.DownloadFile);
                using var response = (FtpWebResponse)request.GetResponse();
                if (response.StatusCode == FtpStatusCode.ConnectionClosed)
                {{
                    throw new IOException("Transfer aborted: {3}");
                }}
            }}

            public byte[] DownloadBytes(Uri uri)
            {{
                var request = Create(uri, WebRequestMethods.Ftp.DownloadFile);
                try
                {{
                    using var response = (FtpWebResponse)request.GetResponse();
                    using var stream = new MemoryStream();
                    response.GetResponseStream().CopyTo(stream);
                    return stream.ToArray();
                }}
                catch (WebException ex) when (ex.Response is FtpWebResponse {{ StatusCode: FtpStatusCode.ConnectionClosed }})
                {{
                    throw new ApplicationException("download of {3} failed");
                }}
            }}

            public bool Upload(Uri uri, byte[] data)
            {{
                try
                {{
                    var request = Create(uri, WebRequestMethods.Ftp.UploadFile);
                    using (var stream = request.GetRequestStream())
                    {{
                        stream.Write(data, 0, data.Length);
                    }}

                    using var response = (FtpWebResponse)request.GetResponse();
                    return true;
                }}
                catch (WebException ex)
                {{
                    Console.WriteLine(ex.Message);
                    return false;
                }}
            }}

            public string[] List(Uri uri)
            {{
                try
                {{
                    var request = Create(uri, WebRequestMethods.Ftp.ListDirectoryDetails);
                    using var response = (FtpWebResponse)request.GetResponse();
                    using var reader = new StreamReader(response.GetResponseStream());
                    return reader.ReadToEnd().Split('\n');
                }}
                catch (WebException ex)
                {{
                    var response = (FtpWebResponse)ex.Response;
                    if (response.StatusCode == FtpStatusCode.ActionNotTakenFileUnavailableOrBusy)
                        return Array.Empty<string>();
                    if (response.StatusCode == FtpStatusCode.CantOpenData)
                    {{
                        Console.WriteLine("no data connection for {3}");
                        return null;
                    }}

                    throw;
                }}
            }}

            public bool UploadNamed(Uri uri)
            {{
                try
                {{
                    var request = Create(uri, WebRequestMethods.Ftp.UploadFile);
                    using var response = (FtpWebResponse)request.GetResponse();
                    return true;
                }}
                catch (WebException ex)
                {{
                    if (ex.Message.Contains("550"))
                        return false;
                    if (ex.Message.Contains("(426)"))
                        return false;
                    throw;
                }}
            }}

            public bool DownloadWithRetry(Uri uri, string localPath)
            {{
                for (var attempt = 0; ; attempt++)
                {{
                    try
                    {{
                        var request = Create(uri, WebRequestMethods.Ftp.DownloadFile);
                        using var response = (FtpWebResponse)request.GetResponse();
                        using var file = File.Create(localPath);
                        response.GetResponseStream().CopyTo(file);
                        return (int)response.StatusCode / 100 == 2;
                    }}
                    catch (WebException ex) when (ex.Response is FtpWebResponse {{ StatusCode: >= (FtpStatusCode)400 and < (FtpStatusCode)500 }} && attempt < {1})
                    {{
                        Thread.Sleep({2} << attempt);
                    }}
                }}
            }}

            public void Cancel(Uri uri)
            {{
                var request = Create(uri, WebRequestMethods.Ftp.DownloadFile);
                request.Abort();
                try
                {{
                    request.GetResponse();
                }}
                catch (WebException ex) when (ex.Response is FtpWebResponse {{ StatusCode: FtpStatusCode.ConnectionClosed }})
                {{
                    return;
                }}
            }}

            public byte[] FetchRetryingEverything(Uri uri)
            {{
                for (var i = 0; i < {1}; i++)
                {{
                    try
                    {{
                        var request = Create(uri, WebRequestMethods.Ftp.DownloadFile);
                        using var response = (FtpWebResponse)request.GetResponse();
                        return new byte[0];
                    }}
                    catch (WebException ex)
                    {{
                        Console.WriteLine(ex.Message);
                        Thread.Sleep({2});
                    }}
                }}

                return null;
            }}

            public void Mirror(Uri[] files)
            {{
                foreach (var file in files)
                {{
                    for (var attempt = 0; attempt < {1}; attempt++)
                    {{
                        try
                        {{
                            Download(file);
                            break;
                        }}
                        catch (WebException ex) when (ex.Response is FtpWebResponse response && (int)response.StatusCode >= 400)
                        {{
                            Thread.Sleep(TimeSpan.FromMilliseconds({2} * (attempt + 1)));
                        }}
                    }}
                }}
            }}

            public void MakeDirectory(Uri uri)
            {{
                try
                {{
                    using var response = (FtpWebResponse)Create(uri, WebRequestMethods.Ftp.MakeDirectory).GetResponse();
                }}
                catch (WebException ex) when (ex.Response is FtpWebResponse {{ StatusCode: FtpStatusCode.ActionNotTakenFileUnavailable }})
                {{
                    // 550 to MKD: already there.
                }}
            }}

            public void Finish(Uri uri)
            {{
                var request = Create(uri, WebRequestMethods.Ftp.DownloadFile);
                var response = (FtpWebResponse)request.GetResponse();
                response.GetResponseStream().CopyTo(Stream.Null);
                response.Close();
                if (response.StatusCode != FtpStatusCode.ClosingData)
                    throw new IOException("download of {3} incomplete");
            }}

            public bool RemoveDirectory(Uri uri)
            {{
                var request = Create(uri, WebRequestMethods.Ftp.RemoveDirectory);
                using var response = (FtpWebResponse)request.GetResponse();
                if (response.StatusCode == FtpStatusCode.DirectoryStatus)
                    return true;
                return false;
            }}
        }}
        """,

        // FluentFTP, synchronous: reply conditions that give up on 4xx, and the retry loops and rethrows that are right.
        """
        public sealed class FluentTransfers{0}
        {{
            public void RunCode(FtpClient client)
            {{
                var reply = client.Execute("RETR {3}.csv");
                if (reply.Code == "426")
                    throw new InvalidOperationException("FTP failed");
            }}

            public void RunPrefix(FtpClient client)
            {{
                var reply = client.Execute("RETR {3}.bin");
                if (reply.Code.StartsWith("4"))
                    throw new InvalidOperationException("FTP failed");
            }}

            public void RunType(FtpClient client)
            {{
                var reply = client.Execute("STOR {3}.bin");
                if (reply.Type == FtpResponseType.TransientNegativeCompletion)
                    throw new InvalidOperationException("FTP failed");
            }}

            public void RunPattern(FtpClient client)
            {{
                var reply = client.Execute("RETR {3}.zip");
                if (reply is {{ Code: "425" }} || reply.Code is "426" or "421")
                    throw new InvalidOperationException("FTP failed");
            }}

            public void RunParsed(FtpClient client)
            {{
                var reply = client.Execute("RETR {3}.iso");
                int code = int.Parse(reply.Code);
                if (code >= 400)
                {{
                    throw new Exception("Server refused the download");
                }}
            }}

            public void Poll(FtpClient client)
            {{
                for (var i = 0; i < 10; i++)
                {{
                    var reply = client.Execute("STAT /incoming{0}");
                    if (reply.Type == FtpResponseType.TransientNegativeCompletion)
                    {{
                        break;
                    }}

                    Thread.Sleep({2});
                }}
            }}

            public void Schedule(FtpClient client)
            {{
                Action job = () =>
                {{
                    var reply = client.Execute("RETR nightly{0}.zip");
                    if (reply.Code == "421")
                    {{
                        client.Disconnect();
                        return;
                    }}
                }};
                job();
            }}

            public void KeepAlive(FtpClient client)
            {{
                var reply = client.Execute("NOOP");
                if (reply.Success)
                    return;
                if (reply.Code == "421")
                    throw new InvalidOperationException("Server went away");
            }}

            public void Rethrow(FtpClient client)
            {{
                try
                {{
                    client.DownloadFile("{3}", "/{3}");
                }}
                catch (FtpCommandException e) when (e.CompletionCode == "426")
                {{
                    Console.WriteLine("aborted");
                    throw;
                }}
            }}

            public void CarryReply(FtpClient client)
            {{
                var reply = client.Execute("RETR {3}");
                if (reply.Code == "426")
                    throw new FtpCommandException(reply);
                try {{ client.DownloadFile("{3}", "/{3}"); }}
                catch (FtpCommandException ex) {{ throw new InvalidOperationException("download failed", ex); }}
            }}

            public void RetryContinue(FtpClient client)
            {{
                for (var attempt = 1; attempt <= {1}; attempt++)
                {{
                    var reply = client.Execute("RETR {3}");
                    if (reply.Code == "426")
                    {{
                        Thread.Sleep({2} * attempt);
                        continue;
                    }}

                    return;
                }}
            }}

            public void GiveUpAfterLast(FtpClient client)
            {{
                for (var attempt = 1; ; attempt++)
                {{
                    var reply = client.Execute("RETR {3}");
                    if (reply.Code.StartsWith("4"))
                    {{
                        if (attempt >= {1})
                            throw new IOException("still failing");
                        Thread.Sleep({2});
                        continue;
                    }}

                    if (reply.Code == "426" && attempt == {1})
                        throw new IOException("aborted {1} times");
                    break;
                }}
            }}

            public void GiveUpAfterLoop(FtpClient client)
            {{
                FtpReply reply;
                var tries = 0;
                do
                {{
                    reply = client.Execute("RETR {3}");
                }}
                while (reply.Code.StartsWith("4") && ++tries < {1});

                if (!reply.Success)
                    throw new IOException("giving up after " + tries + " tries");
            }}

            public void Permanent(FtpClient client)
            {{
                var reply = client.Execute("RETR {3}");
                if (reply.Code == "550")
                    throw new FileNotFoundException("missing");
                if (reply.Type == FtpResponseType.PermanentNegativeCompletion)
                    throw new IOException("refused");
            }}

            public void ScheduleRetry(string path) {{ }}

            public void CatchAndReschedule(FtpClient client, string path)
            {{
                try
                {{
                    client.DownloadFile(path, path);
                }}
                catch (FtpCommandException)
                {{
                    ScheduleRetry(path);
                    return;
                }}
            }}

            public static void Main{0}()
            {{
                using var client = new FtpClient("ftp{0}.example.com", "user", "pass");
                try
                {{
                    client.Connect();
                    client.DownloadFile("{3}.bin", "/{3}.bin");
                }}
                catch (FtpCommandException)
                {{
                    Console.Error.WriteLine("FTP error");
                    Environment.Exit(2);
                }}
            }}
        }}
        """,

        // FluentFTP, asynchronous: 4xx give-ups, 5xx retried, 1xx taken as final, 3xx and 2xx as errors, 4xx as success,
        // a try-once local function retried by its caller and a fire-and-forget lambda.
        """
        public sealed class FluentAsyncJobs{0}
        {{
            public sealed class Logger
            {{
                public void LogError(string message) {{ }}
            }}

            private readonly Logger _log = new Logger();

            public async Task<bool> PushAsync(AsyncFtpClient client, CancellationToken token)
            {{
                var reply = await client.Execute("STOR {3}.pdf", token);
                if (reply.Code == "452")
                {{
                    Console.WriteLine("No space");
                    return false;
                }}

                return true;
            }}

            public async Task<string> ReadAsync(AsyncFtpClient client)
            {{
                try
                {{
                    await client.DownloadFile("{3}.txt", "/{3}.txt");
                    return File.ReadAllText("{3}.txt");
                }}
                catch (FtpCommandException e) when (e.CompletionCode != null && e.CompletionCode.StartsWith("4"))
                {{
                    return null;
                }}
            }}

            public async Task StoreRetryingAsync(AsyncFtpClient client)
            {{
                for (var attempt = 0; attempt < {1}; attempt++)
                {{
                    var reply = await client.Execute("STOR {3}");
                    if (!reply.Success)
                    {{
                        await Task.Delay({2});
                        continue;
                    }}

                    return;
                }}
            }}

            public async Task<bool> StoreAsync(AsyncFtpClient client)
            {{
                var reply = await client.Execute("STOR {3}.txt");
                if (reply.Type == FtpResponseType.PositivePreliminary)
                    return true;
                return reply.Success;
            }}

            public async Task LoginAsync(AsyncFtpClient client, string user, CancellationToken token)
            {{
                var reply = await client.Execute("USER " + user, token);
                if (reply.Type == FtpResponseType.PositiveIntermediate)
                    throw new InvalidOperationException("unexpected intermediate reply");
            }}

            public async Task<long> SizeAsync(AsyncFtpClient client, string path, CancellationToken token)
            {{
                var reply = await client.Execute("SIZE " + path, token);
                if (reply.Code == "213")
                {{
                    _log.LogError("SIZE answered " + reply.Message);
                }}

                return long.Parse(reply.Message);
            }}

            public async Task<bool> DeleteAsync(AsyncFtpClient client)
            {{
                var reply = await client.Execute("DELE {3}");
                if (reply.Type == FtpResponseType.TransientNegativeCompletion)
                    return true;
                return reply.Success;
            }}

            public async Task<bool> SyncAsync(AsyncFtpClient client, string[] files, CancellationToken token)
            {{
                foreach (var file in files)
                {{
                    for (var attempt = 0; ; attempt++)
                    {{
                        var reply = await client.Execute("STOR " + file, token);
                        if (reply.Type == FtpResponseType.TransientNegativeCompletion && attempt < {1})
                        {{
                            await Task.Delay({2} << attempt, token);
                            continue;
                        }}

                        if (!reply.Success)
                        {{
                            throw new FtpCommandException(reply);
                        }}

                        break;
                    }}
                }}

                var stat = await client.Execute("STAT /incoming{0}", token);
                return stat.Type == FtpResponseType.PositiveCompletion;
            }}

            public void Run(AsyncFtpClient client)
            {{
                bool TryOnce()
                {{
                    var reply = client.Execute("RETR {3}").Result;
                    if (reply.Code == "426")
                        return false;
                    return true;
                }}

                for (var attempt = 0; attempt < {1} && !TryOnce(); attempt++)
                {{
                    Thread.Sleep({2});
                }}

                Task.Run(async () =>
                {{
                    var reply = await client.Execute("STOR {3}.bak");
                    if (reply.Code == "451")
                        throw new IOException("local error");
                }});
            }}

            public async Task<FtpStatus> UploadAllAsync(AsyncFtpClient client, string[] locals, CancellationToken token)
            {{
                foreach (var local in locals)
                {{
                    var status = await client.UploadFile(local, "/in{0}/" + Path.GetFileName(local), token);
                    if (status == FtpStatus.Failed)
                    {{
                        return FtpStatus.Failed;
                    }}
                }}

                var chmod = await client.Execute("SITE CHMOD 644 /in{0}", token);
                return chmod.Success ? FtpStatus.Success : FtpStatus.Skipped;
            }}
        }}
        """,

        // Polly policies, retry helpers and try-once helpers: give-ups inside them are retried; predicates that retry 5xx are reported.
        """
        public static class RetryPolicy{0}
        {{
            public static T ExecuteWithRetry<T>(Func<T> action, int attempts) => action();
        }}

        public sealed class PolicyTransfers{0}
        {{
            public bool RunHelper(FtpClient client) => RetryPolicy{0}.ExecuteWithRetry(() =>
            {{
                var reply = client.Execute("RETR {3}");
                if (reply.Code == "426")
                    throw new IOException("aborted");
                return true;
            }}, {1});

            public void RunPolicy(FtpClient client, Polly.RetryPolicy policy)
            {{
                policy.Execute(() =>
                {{
                    var reply = client.Execute("STOR {3}");
                    if (reply.Type == FtpResponseType.TransientNegativeCompletion)
                        throw new IOException("transient");
                }});
            }}

            public Polly.RetryPolicy TransientPolicy()
                => Polly.Policy.Handle<FtpCommandException>(e => e.ResponseType == FtpResponseType.TransientNegativeCompletion)
                    .WaitAndRetry({1}, attempt => TimeSpan.FromMilliseconds({2} * attempt));

            public Polly.RetryPolicy EveryRefusalPolicy()
                => Polly.Policy.Handle<FtpCommandException>(e => e.CompletionCode == "550")
                    .WaitAndRetry({1}, attempt => TimeSpan.FromMilliseconds({2}));

            public async Task<FtpReply> RunAsyncPolicy(AsyncFtpClient client, Polly.AsyncRetryPolicy policy, CancellationToken token)
                => await policy.ExecuteAsync(async () =>
                {{
                    var reply = await client.Execute("RETR {3}", token);
                    if (reply.Code.StartsWith("4"))
                        throw new FtpCommandException(reply.Code, reply.Message);
                    return reply;
                }});

            public bool ShouldRetry(FtpReply reply)
            {{
                if (reply.Code.StartsWith("5"))
                    return true;
                return false;
            }}

            public bool ShouldRetryTransient(FtpReply reply) => reply.Code.StartsWith("4");

            public static bool IsTransient(FtpWebResponse response) => (int)response.StatusCode >= 400;

            public bool IsPermanent(FtpReply reply) => reply.Code.StartsWith("5");

            private bool TryDownloadOnce(FtpClient client, string path)
            {{
                var reply = client.Execute("RETR " + path);
                if (reply.Code == "426")
                    return false;
                return true;
            }}

            public void Download(FtpClient client, string path)
            {{
                for (var attempt = 0; attempt < {1}; attempt++)
                {{
                    if (TryDownloadOnce(client, path))
                        return;
                    Thread.Sleep({2});
                }}
            }}

            private bool TryStoreOnce(FtpClient client, string path)
            {{
                var reply = client.Execute("STOR " + path);
                if (reply.Code == "451")
                    return false;
                return true;
            }}

            public bool Store(FtpClient client, string path) => TryStoreOnce(client, path);

            public void DownloadWithFilter(FtpClient client)
            {{
                for (var i = 0; i < {1}; i++)
                {{
                    try
                    {{
                        client.DownloadFile("{3}", "/{3}");
                        return;
                    }}
                    catch (FtpCommandException e) when (e.ResponseType == FtpResponseType.TransientNegativeCompletion)
                    {{
                        Thread.Sleep({2});
                    }}
                }}
            }}

            public void DownloadRetryingMissing(FtpClient client)
            {{
                for (var i = 0; i < {1}; i++)
                {{
                    try
                    {{
                        client.DownloadFile("{3}", "/{3}");
                        return;
                    }}
                    catch (FtpCommandException e) when (e.CompletionCode == "550")
                    {{
                        Thread.Sleep({2});
                    }}
                }}
            }}

            public void Configure()
            {{
                Polly.Policy.Handle<FtpCommandException>(e => e.CompletionCode == "550");
            }}
        }}
        """,

        // A hand-written client over a socket: int codes from SendCommand, every rule on them, and the right sequences.
        """
        public sealed class SocketSession{0}
        {{
            private readonly StreamReader _reader = new StreamReader(Stream.Null);
            private readonly StreamWriter _writer = new StreamWriter(Stream.Null);

            private int SendCommand(string command)
            {{
                _writer.WriteLine(command);
                var line = _reader.ReadLine() ?? "421 closed";
                return int.Parse(line.Substring(0, 3));
            }}

            private int ReadReply() => int.Parse((_reader.ReadLine() ?? "421").Substring(0, 3));

            public void Delete(string path)
            {{
                int code = SendCommand("DELE " + path);
                if (code == 450)
                {{
                    throw new IOException("File busy: " + path);
                }}
            }}

            public void LoginStrict(string user, string password)
            {{
                int code = SendCommand("USER " + user);
                if (code != 331)
                    throw new UnauthorizedAccessException("login refused: " + code);
                SendCommand("PASS " + password);
            }}

            public void LoginPasswordRequired(string user)
            {{
                int code = SendCommand("USER " + user);
                if (code == 331)
                    throw new UnauthorizedAccessException("password required");
            }}

            public void Password(string password)
            {{
                int code = SendCommand("PASS " + password);
                if (code == 332)
                    Environment.Exit(3);
            }}

            public void Rename(string from, string to)
            {{
                int replyCode = SendCommand("RNFR " + from);
                if (replyCode / 100 != 2)
                    throw new IOException("RNFR failed: " + replyCode);
                SendCommand("RNTO " + to);
            }}

            public void RetryRange()
            {{
                for (var i = 0; i < {1}; i++)
                {{
                    int code = SendCommand("RETR {3}");
                    if (code >= 400 && code <= 500)
                        continue;
                    break;
                }}
            }}

            public void MakeDirectories()
            {{
                for (var i = 0; i < {1}; i++)
                {{
                    int code = SendCommand("MKD dir{0}");
                    switch (code)
                    {{
                        case 257:
                            return;
                        case 553:
                            continue;
                    }}
                }}
            }}

            public bool Ready()
            {{
                int code = SendCommand("NOOP");
                if (code == 120 || code == 220)
                    return true;
                return false;
            }}

            public bool Transferred()
            {{
                int code = SendCommand("RETR {3}.iso");
                if (code == 110)
                    return true;
                return false;
            }}

            public int EnableUtf8()
            {{
                int replyCode = SendCommand("OPTS UTF8 ON");
                if (replyCode == 202)
                    return -1;
                return 0;
            }}

            public FtpStatus Map()
            {{
                int code = SendCommand("DELE {3}");
                switch (code)
                {{
                    case 250:
                    case 550:
                        return FtpStatus.Success;
                    default:
                        return FtpStatus.Failed;
                }}
            }}

            public bool Uploaded()
            {{
                int code = SendCommand("STOR {3}");
                switch (code)
                {{
                    case 530:
                    case 550:
                    case 553:
                        return false;
                    default:
                        return true;
                }}
            }}

            public void Store(string name)
            {{
                int code = SendCommand("STOR " + name);
                if (code != 150 && code != 125)
                    throw new IOException("STOR refused: " + code);
                code = ReadReply();
                if (code != 226 && code != 250)
                    throw new IOException("STOR failed: " + code);
            }}

            public void Wait()
            {{
                int code = SendCommand("RETR {3}");
                while (code / 100 == 1)
                    code = SendCommand("NOOP");
            }}

            public void LoginFull(string user)
            {{
                int code = SendCommand("USER " + user);
                if (code is not (230 or 331 or 332 or 232 or 336))
                    throw new UnauthorizedAccessException();
                if (code == 331)
                    SendCommand("PASS secret{0}");
            }}

            public void LoginAfterAuth(string user)
            {{
                SendCommand("AUTH GSSAPI");
                int code = SendCommand("USER " + user);
                if (code != 331 && code != 230)
                    throw new UnauthorizedAccessException("login refused: " + code);
            }}

            public void Secure()
            {{
                int code = SendCommand("AUTH GSSAPI");
                switch (code)
                {{
                    case 234:
                        break;
                    case 334:
                        throw new NotSupportedException("ADAT exchange");
                }}
            }}

            public void Aborted()
            {{
                int code = SendCommand("RETR {3}");
                if (code == 427)
                    throw new IOException();
            }}

            public string Describe() => SendCommand("NOOP") switch
            {{
                200 => "ok",
                201 => "?",
                _ => "no",
            }};

            public bool Reset(int replyCode) => replyCode == 10054;

            public bool Check(int count, int[] sizes)
            {{
                if (count == 426)
                    return false;
                if (sizes.Length >= 400)
                    throw new Exception("too many");
                return true;
            }}

            public bool Ok(int code) => code switch
            {{
                226 or 250 => true,
                150 => true,
                _ => false,
            }};

            public void Use() {{ Ok(SendCommand("RETR {3}")); }}
        }}
        """,

        // A hand-written client whose replies are objects and lines: reply fields, reply properties, reply lines.
        """
        public sealed class FtpResponse{0}
        {{
            public int ReplyCode {{ get; set; }}
            public string Text {{ get; set; }}
        }}

        public sealed class LineClient{0}
        {{
            public sealed class Reply
            {{
                public int StatusCode {{ get; set; }}
                public bool IsSuccess => StatusCode >= 200 && StatusCode < 300;
            }}

            private readonly StreamReader _reader = new StreamReader(Stream.Null);
            private readonly StreamWriter _writer = new StreamWriter(Stream.Null);

            private FtpResponse{0} Send(string command)
            {{
                _writer.WriteLine(command);
                var line = _reader.ReadLine() ?? "421 closed";
                return new FtpResponse{0} {{ ReplyCode = int.Parse(line.Substring(0, 3)), Text = line.Substring(4) }};
            }}

            private Reply Command(string text) => new Reply {{ StatusCode = Send(text).ReplyCode }};

            public void Store(string name)
            {{
                var response = Send("STOR " + name);
                if (response.ReplyCode is >= 400 and < 500)
                    throw new Exception("transfer failed");
            }}

            public bool Retrieve(string name)
            {{
                _writer.WriteLine("RETR " + name);
                string line = _reader.ReadLine();
                int code = int.Parse(line.Substring(0, 3));
                if (code >= 400 && code < 500)
                {{
                    return false;
                }}

                return true;
            }}

            public bool Stat(string dir)
            {{
                _writer.WriteLine("STAT " + dir);
                string reply = _reader.ReadLine();
                if (reply.StartsWith("212"))
                    return false;
                return true;
            }}

            public void Rename(string from)
            {{
                var r = Command("RNFR " + from);
                if (!r.IsSuccess)
                    throw new IOException("RNFR refused: " + r.StatusCode);
            }}

            public void RenameRight(string from, string to)
            {{
                if (Send("RNFR " + from).ReplyCode != 350)
                {{
                    throw new IOException("RNFR refused");
                }}

                if (Send("RNTO " + to).ReplyCode / 100 != 2)
                {{
                    throw new IOException("RNTO refused");
                }}
            }}

            public int Passive()
            {{
                var reply = Send("PASV");
                if (reply.ReplyCode / 100 != 2)
                {{
                    throw new IOException("PASV refused: " + reply.Text);
                }}

                var open = reply.Text.IndexOf('(');
                var close = reply.Text.IndexOf(')', open + 1);
                var parts = reply.Text.Substring(open + 1, close - open - 1).Split(',');
                return (int.Parse(parts[4]) << 8) + int.Parse(parts[5]);
            }}

            public void Quit()
            {{
                var reply = Send("QUIT");
                if (reply.ReplyCode == 221)
                {{
                    _writer.Dispose();
                    return;
                }}
            }}

            public bool Http(HttpWebResponse http)
            {{
                if (http.StatusCode == (HttpStatusCode)426)
                    throw new Exception("upgrade required");
                int code = (int)http.StatusCode;
                if (code == 426)
                    return false;
                for (var i = 0; i < {1}; i++)
                {{
                    if ((int)http.StatusCode >= 500)
                        continue;
                    break;
                }}

                return true;
            }}
        }}
        """,

        // Switch statements and switch expressions over codes, in every style.
        """
        public sealed class ReplySwitches{0}
        {{
            public FtpStatus Check(FtpReply reply)
            {{
                switch (reply.Code)
                {{
                    case "226":
                        return FtpStatus.Success;
                    case "426":
                    case "451":
                        return FtpStatus.Failed;
                    default:
                        throw new FtpCommandException(reply);
                }}
            }}

            public bool Succeeded(FtpStatusCode status) => status switch
            {{
                FtpStatusCode.ClosingData or FtpStatusCode.FileActionOK => true,
                FtpStatusCode.CantOpenData => false,
                _ => throw new InvalidOperationException(status.ToString()),
            }};

            public int Bytes(FtpStatusCode status, int count) => status switch
            {{
                FtpStatusCode.ClosingData => count,
                FtpStatusCode.ActionNotTakenFileUnavailableOrBusy => throw new IOException("busy"),
                _ => -1,
            }};

            public bool IsOk(FtpReply reply)
            {{
                switch (reply.Code)
                {{
                    case "211":
                    case "213":
                        return true;
                    case "212":
                        return false;
                    default:
                        return false;
                }}
            }}

            public bool Utf8Enabled(FtpReply reply) => reply.Code switch
            {{
                "200" => true,
                "202" => false,
                _ => false,
            }};

            public void CheckStatus(FtpWebResponse response)
            {{
                switch (response.StatusCode)
                {{
                    case FtpStatusCode.ClosingData:
                        break;
                    case FtpStatusCode.FileActionOK:
                        throw new IOException("unexpected");
                }}
            }}

            public FtpStatus MapPreliminary(FtpReply reply) => reply.Code switch
            {{
                "150" => FtpStatus.Success,
                "226" => FtpStatus.Success,
                _ => FtpStatus.Failed,
            }};

            public bool Done(FtpReply reply)
            {{
                switch (reply.Code)
                {{
                    case "125":
                    case "226":
                        return true;
                    default:
                        return false;
                }}
            }}

            public bool Accept(FtpReply reply) => reply.Code switch
            {{
                "230" => true,
                "332" => false,
                _ => false,
            }};

            public bool Stored(FtpReply reply) => reply.Code switch
            {{
                "226" or "452" => true,
                _ => false,
            }};

            public void Undefined(FtpCommandException e)
            {{
                switch (e.CompletionCode)
                {{
                    case "555":
                        throw new IOException();
                }}
            }}

            public void Numbered(FtpWebResponse r)
            {{
                switch ((int)r.StatusCode)
                {{
                    case 150:
                        break;
                    case 226:
                        return;
                }}
            }}

            public string Describe(FtpStatusCode status) => status switch
            {{
                FtpStatusCode.ClosingData or FtpStatusCode.FileActionOK => "done",
                FtpStatusCode.ActionNotTakenFileUnavailable => "missing",
                _ => "status " + (int)status,
            }};

            public string Stat{0}(FtpClient client)
            {{
                var stat = client.Execute("STAT /incoming{0}");
                switch (stat.Code)
                {{
                    case "211":
                    case "212":
                    case "213":
                        return stat.Message;
                    default:
                        return stat.Success ? stat.Message : string.Empty;
                }}
            }}
        }}
        """,

        // FtpStatusCode and numbers: codes written as numbers, undefined codes, 1xx taken as final, 2xx as errors, 4xx/5xx as success.
        """
        public static class StatusChecks{0}
        {{
            public static void Check(FtpWebResponse response)
            {{
                if (response.StatusCode == FtpStatusCode.DirectoryStatus)
                    throw new IOException("unexpected status");
            }}

            public static void CheckPattern(FtpStatusCode status)
            {{
                if (status is FtpStatusCode.FileStatus or FtpStatusCode.CommandExtraneous)
                    throw new InvalidOperationException("bad reply " + status);
            }}

            public static bool A(FtpWebResponse r) => (int)r.StatusCode == 226;
            public static bool B(FtpWebResponse r) => 550 != (int)r.StatusCode;
            public static bool C(FtpWebResponse r) => r.StatusCode == (FtpStatusCode)212;
            public static FtpStatusCode D() => (FtpStatusCode)421;
            public static bool E(FtpStatusCode s) => (int)s == 331;
            public static bool F(FtpWebResponse r) => (long)r.StatusCode == 250L || (int)r.StatusCode == 257;
            public static bool G(WebException e) => (int)((FtpWebResponse)e.Response).StatusCode == 530;
            public static bool H(FtpWebResponse r) => r.StatusCode != (FtpStatusCode)502 && (int)r.StatusCode != 500;
            public static object I() => new[] {{ (FtpStatusCode)226, FtpStatusCode.FileActionOK }};
            public static bool J(FtpWebResponse r) => r.StatusCode == FtpStatusCode.ConnectionClosed;
            public static bool K(FtpWebResponse r) => (int)r.StatusCode == 211;
            public static bool L(FtpWebResponse r) => (int)r.StatusCode >= 400;
            public static bool M(FtpWebResponse r) => (int)r.StatusCode / 100 == 2;
            public static FtpStatusCode N(int code) => (FtpStatusCode)code;
            public static bool O(HttpWebResponse r) => (int)r.StatusCode == 426;
            public static bool P(int replyCode) => replyCode == 426;
            public static bool Q(FtpWebResponse r) => r.StatusCode == (FtpStatusCode)229;
            public static bool R(FtpWebResponse r) => r.StatusCode is >= (FtpStatusCode)400 and < (FtpStatusCode)500;
            public static bool S(FtpWebResponse r) => (int)r.StatusCode == 246;
            public static bool T(FtpWebResponse r) => r.StatusCode == (FtpStatusCode)462;
            public static bool U(int replyCode) => replyCode != 700;
            public static bool V(int replyCode) => replyCode == 10060;
            public static bool W(FtpWebResponse r) => r.StatusCode == FtpStatusCode.Undefined;
            public static bool X(HttpWebResponse r) => (int)r.StatusCode == 299;

            public static bool Utf8(FtpWebResponse response)
            {{
                if (response.StatusCode == FtpStatusCode.CommandNotImplemented)
                    return true;
                return false;
            }}

            public static bool Utf8Right(FtpWebResponse response)
            {{
                if (response.StatusCode == FtpStatusCode.CommandExtraneous || response.StatusCode == FtpStatusCode.CommandOK)
                    return true;
                return false;
            }}

            public static bool DoneStatus(FtpStatusCode status)
            {{
                if (status == FtpStatusCode.ClosingData || status == FtpStatusCode.ConnectionClosed)
                    return true;
                return false;
            }}

            public static bool Busy(FtpStatusCode status) => status is FtpStatusCode.ActionNotTakenFileUnavailableOrBusy ? true : false;

            public static Task<bool> DoneAsync(FtpWebResponse response)
            {{
                if ((int)response.StatusCode == 426)
                    return Task.FromResult(true);
                return Task.FromResult(false);
            }}

            public static bool Download(FtpWebResponse response)
            {{
                if (response.StatusCode == FtpStatusCode.OpeningData)
                    return true;
                return false;
            }}

            public static void Finish(FtpWebResponse response)
            {{
                if (response.StatusCode == FtpStatusCode.DataAlreadyOpen)
                {{
                    response.Close();
                }}
            }}

            public static void StillTransferring(FtpStatusCode status)
            {{
                if (status is FtpStatusCode.OpeningData or FtpStatusCode.DataAlreadyOpen)
                    throw new InvalidOperationException("still transferring");
            }}

            public static bool Completed(FtpWebResponse response)
            {{
                if (response.StatusCode == FtpStatusCode.OpeningData)
                {{
                    Console.WriteLine("transfer starting");
                }}

                return response.StatusCode == FtpStatusCode.ClosingData;
            }}

            public static void CategoryCheck(FtpWebResponse response, FtpReply reply)
            {{
                if ((int)response.StatusCode / 100 != 2)
                    throw new IOException(response.StatusDescription);
                if (reply.Type != FtpResponseType.PositiveCompletion)
                    throw new FtpCommandException(reply);
                if (!reply.Code.StartsWith("2"))
                    throw new IOException(reply.Message);
            }}

            public static void Whitelist(FtpWebResponse response)
            {{
                if (response.StatusCode != FtpStatusCode.ClosingData && response.StatusCode != FtpStatusCode.FileActionOK)
                    throw new IOException("Transfer did not complete");
            }}

            public static bool SuccessPath(FtpStatusCode status)
            {{
                if (status == FtpStatusCode.DirectoryStatus || status == FtpStatusCode.FileStatus)
                    return true;
                return false;
            }}

            public static void Negatives(FtpStatusCode status, FtpReply reply)
            {{
                if (status == FtpStatusCode.CommandNotImplemented)
                    throw new NotSupportedException();
                if (reply.Code == "550")
                    throw new FileNotFoundException();
                if (!reply.Success)
                    throw new FtpCommandException(reply);
            }}

            public static bool Login(FtpWebResponse response)
            {{
                if (response.StatusCode == FtpStatusCode.SendPasswordCommand)
                    throw new UnauthorizedAccessException();
                return true;
            }}

            public static bool Unrelated(int count, int port)
            {{
                if (count == 212)
                    throw new Exception("count");
                if (port == 221)
                    throw new Exception("port");
                return count == 150;
            }}
        }}
        """,

        // FluentFTP replies checked code by code: 2xx and 3xx rejected, 4xx/5xx accepted, 1xx final, undefined codes,
        // and the full positive sets, expected negatives and fallbacks that are right.
        """
        public sealed class FluentChecks{0}
        {{
            public bool Exists(FtpClient client, string path)
            {{
                var reply = client.Execute("STAT " + path);
                if (reply.Code != "211")
                    throw new InvalidOperationException(reply.Message);
                return true;
            }}

            public void Make(FtpClient client, string name)
            {{
                var reply = client.Execute("PWD");
                if (reply.Code == "250")
                {{
                    Console.WriteLine("ok");
                }}
                else
                {{
                    throw new IOException(reply.Message);
                }}
            }}

            public void Cancel(FtpClient client)
            {{
                var reply = client.Execute("ABOR");
                if (reply.Code == "226")
                    return;
                throw new IOException("abort failed: " + reply.Code);
            }}

            public void CheckCategory(FtpReply reply)
            {{
                if (reply.Type == FtpResponseType.PositiveCompletion && reply.Code == "250")
                    throw new Exception("?");
            }}

            public Func<FtpReply, bool> Closing = reply =>
            {{
                if (reply.Code == "221")
                    throw new IOException("closing");
                return true;
            }};

            public void Login(FtpClient client, string user)
            {{
                var reply = client.Execute("USER " + user);
                if (reply.Code != "230")
                    throw new UnauthorizedAccessException(reply.Message);
            }}

            public void Rename(FtpClient client, string from)
            {{
                var reply = client.Execute("RNFR " + from);
                if (reply.Type != FtpResponseType.PositiveCompletion)
                    throw new IOException("rename refused");
            }}

            public bool Resume(FtpClient client, long offset)
            {{
                var reply = client.Execute("REST " + offset);
                if (!reply.Code.StartsWith("2"))
                    return false;
                return true;
            }}

            public bool LoggedIn(FtpReply reply)
            {{
                if (reply.Code == "230" || reply.Code == "530")
                    return true;
                return false;
            }}

            public bool Ok(FtpReply reply)
            {{
                if (reply.Code == "550")
                    return false;
                if (reply.Code == "530")
                    return false;
                return true;
            }}

            public void CheckPreliminary(FtpReply reply)
            {{
                if (reply.Code == "150")
                    throw new IOException("unexpected reply " + reply.Code);
            }}

            public bool Aborted(FtpReply reply) => reply.Code == "462";
            public bool Unknown(FtpReply reply) => reply.Code is "226" or "299";
            public bool Unknown2(FtpReply reply) => reply.Code.Equals("226") || reply.Code == "449";
            public bool Unknown3(FtpReply reply) => reply is {{ Code: "520" }};
            public bool Empty(FtpReply reply) => reply.Code == "" || reply.Code == "211";

            public void Stat(FtpClient client, string path)
            {{
                var reply = client.Execute("STAT " + path);
                if (reply.Code is not ("211" or "212" or "213"))
                    throw new IOException(reply.Message);
            }}

            public void CheckWithoutCommand(FtpReply reply)
            {{
                if (reply.Code != "226")
                    throw new IOException(reply.Message);
            }}

            public void Finish(FtpClient client)
            {{
                var reply = client.Execute("RETR {3}.bin");
                if (reply.Code != "226" && reply.Code != "250")
                    throw new IOException(reply.Message);
            }}

            public string ErrorText(FtpReply reply)
            {{
                if (reply.Code == "226")
                    return null;
                return reply.ErrorMessage;
            }}

            public void Wait(FtpClient client)
            {{
                while (true)
                {{
                    var reply = client.Execute("STAT");
                    if (reply.Code == "211")
                        break;
                    Thread.Sleep({2});
                }}
            }}

            public string[] List(FtpClient client)
            {{
                var reply = client.Execute("NLST /empty{0}");
                if (reply.Code == "450")
                    return Array.Empty<string>();
                return new[] {{ reply.Message }};
            }}

            public bool Listed(FtpClient client)
            {{
                var reply = client.Execute("NLST /empty{0}");
                if (reply.Code == "450" || reply.Code == "550")
                    return true;
                return reply.Success;
            }}

            public bool Features(FtpClient client)
            {{
                var reply = client.Execute("FEAT");
                if (reply.Code == "502")
                    return true;
                return reply.Success;
            }}

            public bool AbortedTransfer(FtpClient client)
            {{
                var reply = client.Execute("ABOR");
                if (reply.Code == "426")
                    return true;
                return false;
            }}

            public void Passive(FtpClient client)
            {{
                var reply = client.Execute("EPSV");
                if (reply.Code == "502")
                    reply = client.Execute("PASV");
            }}

            public void Protect(FtpClient client)
            {{
                for (var i = 0; i < {1}; i++)
                {{
                    var reply = client.Execute("RETR {3}");
                    if (reply.Code == "521")
                    {{
                        client.Execute("PROT P");
                        continue;
                    }}

                    break;
                }}
            }}

            public void RenameRight(FtpClient client, string from)
            {{
                var reply = client.Execute("RNFR " + from);
                if (reply.Code != "350")
                    throw new IOException("rename refused");
            }}

            public bool NeedsPassword(FtpReply reply)
            {{
                if (reply.Code == "331")
                    return true;
                return false;
            }}

            public void Retry5xx(FtpClient client)
            {{
                while (true)
                {{
                    var reply = client.Execute("DELE {3}");
                    if (reply.Code == "550")
                    {{
                        Thread.Sleep({2});
                        continue;
                    }}

                    return;
                }}
            }}

            public void RetryStatus(FtpClient client)
            {{
                FtpReply reply = client.Execute("STOR {3}");
                while (reply.Type == FtpResponseType.PermanentNegativeCompletion)
                {{
                    Thread.Sleep({2});
                    reply = client.Execute("STOR {3}");
                }}
            }}

            public void RetryLumped(FtpClient client)
            {{
                for (var i = 0; i < {1}; i++)
                {{
                    var reply = client.Execute("RETR {3}");
                    if (int.Parse(reply.Code) >= 400)
                        continue;
                    break;
                }}
            }}

            public void RetryRight(FtpClient client)
            {{
                for (var i = 0; i < {1}; i++)
                {{
                    var reply = client.Execute("RETR {3}");
                    if (reply.Code == "550")
                        throw new FileNotFoundException();
                    if (reply.Type == FtpResponseType.TransientNegativeCompletion)
                        continue;
                    break;
                }}
            }}

            public bool Final(FtpReply reply)
            {{
                if (reply.Code.StartsWith("1"))
                    return Final(reply);
                return reply.Success;
            }}
        }}
        """,
    };

    /// <summary>A small copy of Polly's policy surface (names and shapes only), compiled with the FTP code that uses it.</summary>
    public const string PollySurface = """
        namespace Polly
        {
            using System;
            using System.Threading.Tasks;

            public sealed class PolicyBuilder
            {
                public PolicyBuilder Or<TException>(Func<TException, bool> predicate) where TException : Exception => this;
                public RetryPolicy WaitAndRetry(int retryCount, Func<int, TimeSpan> sleepDurationProvider) => new RetryPolicy();
                public AsyncRetryPolicy WaitAndRetryAsync(int retryCount, Func<int, TimeSpan> sleepDurationProvider) => new AsyncRetryPolicy();
            }

            public static class Policy
            {
                public static PolicyBuilder Handle<TException>(Func<TException, bool> predicate) where TException : Exception => new PolicyBuilder();
            }

            public sealed class RetryPolicy
            {
                public void Execute(Action action) => action();
                public TResult Execute<TResult>(Func<TResult> action) => action();
            }

            public sealed class AsyncRetryPolicy
            {
                public Task ExecuteAsync(Func<Task> action) => action();
                public Task<TResult> ExecuteAsync<TResult>(Func<Task<TResult>> action) => action();
            }
        }
        """;
}
