using System.Collections.Generic;
using System.Text;

namespace FtpReplyAnalyzers.Benchmarks;

/// <summary>What a generated compilation holds.</summary>
internal enum Workload
{
    /// <summary>
    /// FTP client code, a mix: whole client classes as they are written (<see cref="CodeGenerator"/>'s client
    /// templates), the reply-handling methods, and classes dense in the shapes the rule tests describe, each template
    /// once in turn.
    /// </summary>
    FtpClients,

    /// <summary>Reply handling and nothing else: the reply-handling methods and the rule-test shapes, no surrounding client code (the worst case).</summary>
    ReplyHandling,

    /// <summary>The rule-test shapes alone (retry loops, catch filters, policies, switches, hand-written clients), for a profiler.</summary>
    Shapes,

    /// <summary>Ordinary code that uses no FTP at all.</summary>
    Plain,
}

/// <summary>
/// Builds large sources from realistic templates: FTP client code (FtpWebRequest, FluentFTP, hand-written clients)
/// and ordinary code that uses no FTP at all. The reply-handling templates are methods that test replies and
/// nothing else, three with the usual mistakes and three written right; the client templates are whole classes; the
/// shape templates are classes in the shapes of the rule tests (ShapeTemplates.cs). FTP files import the namespaces
/// the shape templates are written for.
/// </summary>
internal static partial class CodeGenerator
{
    private static readonly string[] FtpTemplates =
    {
        """
        public sealed class ReportDownloader{0}
        {{
            private readonly System.Net.NetworkCredential _credentials = new("user", "pass");

            public bool TryDownload(System.Uri remote, string localPath)
            {{
                try
                {{
                    var request = (System.Net.FtpWebRequest)System.Net.WebRequest.Create(remote);
                    request.Method = System.Net.WebRequestMethods.Ftp.DownloadFile;
                    request.Credentials = _credentials;
                    using var response = (System.Net.FtpWebResponse)request.GetResponse();
                    using var file = System.IO.File.Create(localPath);
                    response.GetResponseStream().CopyTo(file);
                    if (response.StatusCode != System.Net.FtpStatusCode.ClosingData)
                    {{
                        throw new System.IO.IOException("Download did not complete: " + response.StatusDescription);
                    }}

                    return true;
                }}
                catch (System.Net.WebException ex)
                {{
                    System.Console.Error.WriteLine(ex.Message);
                    return false;
                }}
            }}

            public bool Delete(System.Uri remote)
            {{
                for (var attempt = 0; ; attempt++)
                {{
                    var request = (System.Net.FtpWebRequest)System.Net.WebRequest.Create(remote);
                    request.Method = System.Net.WebRequestMethods.Ftp.DeleteFile;
                    using var response = (System.Net.FtpWebResponse)request.GetResponse();
                    if (response.StatusCode == System.Net.FtpStatusCode.ActionNotTakenFileUnavailableOrBusy && attempt < 3)
                    {{
                        System.Threading.Thread.Sleep(1000 << attempt);
                        continue;
                    }}

                    return (int)response.StatusCode / 100 == 2;
                }}
            }}
        }}
        """,
        """
        public sealed class Mirror{0}
        {{
            public async System.Threading.Tasks.Task<bool> SyncAsync(FluentFTP.AsyncFtpClient client, string[] files, System.Threading.CancellationToken token)
            {{
                foreach (var file in files)
                {{
                    var reply = await client.Execute("STOR " + file, token);
                    if (reply.Code == "426")
                    {{
                        return false;
                    }}

                    if (reply.Type == FluentFTP.FtpResponseType.PermanentNegativeCompletion)
                    {{
                        throw new FluentFTP.Exceptions.FtpCommandException(reply);
                    }}
                }}

                var stat = await client.Execute("STAT /incoming", token);
                switch (stat.Code)
                {{
                    case "211":
                    case "213":
                        return true;
                    case "212":
                        return false;
                    default:
                        return stat.Success;
                }}
            }}

            public void Upload(FluentFTP.FtpClient client, string local, string remote)
            {{
                for (var attempt = 0; attempt < 3; attempt++)
                {{
                    try
                    {{
                        client.UploadFile(local, remote);
                        return;
                    }}
                    catch (FluentFTP.Exceptions.FtpCommandException e) when (e.ResponseType == FluentFTP.FtpResponseType.TransientNegativeCompletion)
                    {{
                        System.Threading.Thread.Sleep(500);
                    }}
                }}
            }}
        }}
        """,
        """
        public sealed class FtpControl{0}
        {{
            private readonly System.IO.StreamReader _reader = new(System.IO.Stream.Null);
            private readonly System.IO.StreamWriter _writer = new(System.IO.Stream.Null);

            private int SendCommand(string command)
            {{
                _writer.WriteLine(command);
                var line = _reader.ReadLine() ?? "421 closed";
                return int.Parse(line.Substring(0, 3));
            }}

            public void Login(string user, string password)
            {{
                int replyCode = SendCommand("USER " + user);
                if (replyCode != 331)
                {{
                    throw new System.UnauthorizedAccessException("USER refused: " + replyCode);
                }}

                replyCode = SendCommand("PASS " + password);
                if (replyCode / 100 != 2)
                {{
                    throw new System.UnauthorizedAccessException("PASS refused: " + replyCode);
                }}
            }}

            public bool Retrieve(string path)
            {{
                int code = SendCommand("RETR " + path);
                if (code == 425 || code == 426)
                {{
                    throw new System.IO.IOException("Data connection failed");
                }}

                return code is 125 or 150;
            }}
        }}
        """,
        """
        public sealed class SafeDownloader{0}
        {{
            public bool TryDownload(System.Uri remote, string localPath)
            {{
                for (var attempt = 0; ; attempt++)
                {{
                    try
                    {{
                        var request = (System.Net.FtpWebRequest)System.Net.WebRequest.Create(remote);
                        request.Method = System.Net.WebRequestMethods.Ftp.DownloadFile;
                        using var response = (System.Net.FtpWebResponse)request.GetResponse();
                        using var file = System.IO.File.Create(localPath);
                        response.GetResponseStream().CopyTo(file);
                        return (int)response.StatusCode / 100 == 2;
                    }}
                    catch (System.Net.WebException ex) when (ex.Response is System.Net.FtpWebResponse {{ StatusCode: >= (System.Net.FtpStatusCode)400 and < (System.Net.FtpStatusCode)500 }} && attempt < 3)
                    {{
                        System.Threading.Thread.Sleep(1000 << attempt);
                    }}
                }}
            }}

            public long Size(System.Uri remote)
            {{
                var request = (System.Net.FtpWebRequest)System.Net.WebRequest.Create(remote);
                request.Method = System.Net.WebRequestMethods.Ftp.GetFileSize;
                using var response = (System.Net.FtpWebResponse)request.GetResponse();
                if (response.StatusCode != System.Net.FtpStatusCode.FileStatus)
                {{
                    throw new System.IO.IOException(response.StatusDescription);
                }}

                return response.ContentLength;
            }}
        }}
        """,
        """
        public sealed class SafeMirror{0}
        {{
            public async System.Threading.Tasks.Task<bool> SyncAsync(FluentFTP.AsyncFtpClient client, string[] files, System.Threading.CancellationToken token)
            {{
                foreach (var file in files)
                {{
                    for (var attempt = 0; ; attempt++)
                    {{
                        var reply = await client.Execute("STOR " + file, token);
                        if (reply.Type == FluentFTP.FtpResponseType.TransientNegativeCompletion && attempt < 3)
                        {{
                            await System.Threading.Tasks.Task.Delay(500 << attempt, token);
                            continue;
                        }}

                        if (!reply.Success)
                        {{
                            throw new FluentFTP.Exceptions.FtpCommandException(reply);
                        }}

                        break;
                    }}
                }}

                var stat = await client.Execute("STAT /incoming", token);
                return stat.Type == FluentFTP.FtpResponseType.PositiveCompletion;
            }}
        }}
        """,
        """
        public sealed class SafeControl{0}
        {{
            private readonly System.IO.StreamReader _reader = new(System.IO.Stream.Null);
            private readonly System.IO.StreamWriter _writer = new(System.IO.Stream.Null);

            private int SendCommand(string command)
            {{
                _writer.WriteLine(command);
                var line = _reader.ReadLine() ?? "421 closed";
                return int.Parse(line.Substring(0, 3));
            }}

            public void Login(string user, string password)
            {{
                int replyCode = SendCommand("USER " + user);
                if (replyCode / 100 == 2)
                {{
                    return;
                }}

                if (replyCode is not (331 or 332 or 336))
                {{
                    throw new System.UnauthorizedAccessException("USER refused: " + replyCode);
                }}

                replyCode = SendCommand("PASS " + password);
                if (replyCode / 100 != 2)
                {{
                    throw new System.UnauthorizedAccessException("PASS refused: " + replyCode);
                }}
            }}

            public void Rename(string from, string to)
            {{
                if (SendCommand("RNFR " + from) != 350)
                {{
                    throw new System.IO.IOException("RNFR refused");
                }}

                if (SendCommand("RNTO " + to) / 100 != 2)
                {{
                    throw new System.IO.IOException("RNTO refused");
                }}
            }}
        }}
        """,
    };

    private static readonly string[] PlainTemplates =
    {
        """
        public sealed class OrderService{0}
        {{
            private readonly System.Collections.Generic.List<int> _quantities = new();

            public int Total(int[] prices)
            {{
                var total = 0;
                for (var i = 0; i < prices.Length; i++)
                {{
                    if (prices[i] < 0)
                    {{
                        throw new System.ArgumentException("negative price");
                    }}

                    total += prices[i] * (i < _quantities.Count ? _quantities[i] : 1);
                }}

                return total;
            }}

            public string Describe(int code) => code switch
            {{
                200 => "ok",
                404 => "missing",
                426 => "upgrade",
                >= 500 => "server",
                _ => "other",
            }};

            public bool TryParse(string text, out int value)
            {{
                try
                {{
                    value = int.Parse(text.Trim());
                    return value >= 0;
                }}
                catch (System.FormatException)
                {{
                    value = 0;
                    return false;
                }}
            }}
        }}
        """,
        """
        public sealed class Inventory{0}
        {{
            private readonly System.Collections.Generic.Dictionary<string, int> _stock = new();

            public async System.Threading.Tasks.Task<int> RestockAsync(string item, int amount, System.Threading.CancellationToken token)
            {{
                await System.Threading.Tasks.Task.Delay(1, token);
                if (!_stock.TryGetValue(item, out var current))
                {{
                    current = 0;
                }}

                current += amount;
                _stock[item] = current;
                return current > 1000 ? -1 : current;
            }}

            public System.Collections.Generic.IEnumerable<string> LowItems(int threshold)
            {{
                foreach (var pair in _stock)
                {{
                    if (pair.Value < threshold)
                    {{
                        yield return pair.Key;
                    }}
                }}
            }}

            public int Status(int value)
            {{
                while (value > 100)
                {{
                    value /= 2;
                }}

                return value == 42 ? 1 : 0;
            }}
        }}
        """,
    };

    /// <summary>Source files of at least <paramref name="lines"/> lines, <paramref name="classesPerFile"/> classes a file.</summary>
    public static List<string> Generate(Workload workload, int lines, int classesPerFile = 20)
    {
        var templates = workload switch
        {
            Workload.FtpClients => Interleave(ClientTemplates, FtpTemplates, ShapeTemplates),
            Workload.ReplyHandling => Interleave(FtpTemplates, ShapeTemplates),
            Workload.Shapes => ShapeTemplates,
            _ => PlainTemplates,
        };
        var header = workload == Workload.Plain ? string.Empty : FtpUsings;
        var files = new List<string>();
        var total = 0;
        var index = 0;
        while (total < lines)
        {
            var text = new StringBuilder();
            text.Append(header);
            total += CountLines(header) - 1;
            text.Append("namespace Generated").Append(files.Count).Append("\n{\n");
            for (var c = 0; c < classesPerFile && total < lines; c++, index++)
            {
                // {0} the class's number; {1} a retry count, {2} a delay and {3} a file name, varied so that the
                // generated methods differ from class to class (the templates before the shape templates use {0} only).
                var body = string.Format(System.Globalization.CultureInfo.InvariantCulture, templates[index % templates.Length], index, 2 + (index % 4), 100 * (1 + (index % 9)), "file" + index);
                text.Append(body).Append('\n');
                total += CountLines(body) + 1;
            }

            text.Append("}\n");
            total += 3;
            files.Add(text.ToString());
        }

        return files;
    }

    /// <summary>What every FTP file imports (the shape templates use the short names; the others are fully qualified).</summary>
    private const string FtpUsings = "using System;\nusing System.IO;\nusing System.Net;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing FluentFTP;\nusing FluentFTP.Exceptions;\n\n";

    /// <summary>The templates of all the lists, taking turns: each template once a round.</summary>
    private static string[] Interleave(params string[][] lists)
    {
        var all = new List<string>();
        var longest = 0;
        foreach (var list in lists)
        {
            longest = System.Math.Max(longest, list.Length);
        }

        for (var i = 0; i < longest; i++)
        {
            foreach (var list in lists)
            {
                if (i < list.Length)
                {
                    all.Add(list[i]);
                }
            }
        }

        return all.ToArray();
    }

    public static int CountLines(string text)
    {
        var n = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                n++;
            }
        }

        return n;
    }
}
