using System;
using System.IO;

namespace FtpReplyAnalyzers.Tests.Infrastructure;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FtpReplyAnalyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FtpReplyAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
