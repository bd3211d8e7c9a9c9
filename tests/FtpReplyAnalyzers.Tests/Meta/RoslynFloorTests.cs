using System;
using System.Linq;
using System.Reflection;
using FtpReplyAnalyzers.CodeFixes.Rules;

namespace FtpReplyAnalyzers.Tests.Meta;

/// <summary>
/// The declared floor is Roslyn 4.8 (.NET 8 SDK, Visual Studio 2022 17.8): the package's assemblies reference nothing
/// newer than what such a host carries. A newer Microsoft.CodeAnalysis makes the compiler drop the analyzer (CS9057);
/// a System.Composition newer than 4.8's 7.0 keeps the fixes from loading. .ci/roslyn-floor-check.sh runs them on
/// Roslyn 4.8 itself.
/// </summary>
public class RoslynFloorTests
{
    private static readonly Version Floor = new(4, 8, 0, 0);

    public static TheoryData<string> Assemblies => new() { "analyzers", "code fixes" };

    private static Assembly Of(string name) => name == "analyzers" ? typeof(FtpReplyAnalyzer).Assembly : typeof(TransientReplyGivenUpCodeFixProvider).Assembly;

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void References_no_Roslyn_newer_than_the_floor(string name)
    {
        var roslyn = Of(name).GetReferencedAssemblies().Where(a => a.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, a => Assert.True(a.Version <= Floor, $"{name} references {a.Name} {a.Version}, newer than the floor {Floor}"));
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void References_only_what_a_Roslyn_host_carries(string name)
    {
        var allowed = new[] { "netstandard", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis.Workspaces", "Microsoft.CodeAnalysis.CSharp.Workspaces", "System.Collections.Immutable", "FtpReplyAnalyzers" };
        var references = Of(name).GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, r => Assert.Contains(r, allowed));
        Assert.DoesNotContain(references, r => r.StartsWith("System.Composition", StringComparison.Ordinal));
    }
}
