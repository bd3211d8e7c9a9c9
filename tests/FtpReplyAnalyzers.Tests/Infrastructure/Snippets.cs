namespace FtpReplyAnalyzers.Tests.Infrastructure;

/// <summary>Wraps class members into a compilable file with the usual FTP usings.</summary>
internal static class Snippets
{
    public const string Usings = """
using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using FluentFTP;
using FluentFTP.Exceptions;

""";

    /// <summary>A file with a class named FtpCode holding <paramref name="members"/>, plus a hand-written SendCommand.</summary>
    public static string InClass(string members) => Usings + "class FtpCode\n{\n    private int SendCommand(string command) => 0;\n\n" + members + "\n}\n";
}
