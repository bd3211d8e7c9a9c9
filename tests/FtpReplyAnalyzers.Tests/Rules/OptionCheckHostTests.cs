using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpReplyAnalyzers.Tests.Rules;

/// <summary>FTPR0009 in a host whose options type does not list its keys (AnalyzerConfigOptions.Keys left to its base).</summary>
public class OptionCheckHostTests
{
    /// <summary>Options that answer TryGetValue but leave Keys to the base class, which throws NotImplementedException.</summary>
    private sealed class UnlistedOptions : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public UnlistedOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }

    private sealed class Provider : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigOptions _options;

        public Provider(AnalyzerConfigOptions options) => _options = options;

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
    }

    [Fact]
    public void Options_that_do_not_list_their_keys_give_nothing_to_check_and_no_exception()
    {
        var options = new UnlistedOptions(new Dictionary<string, string> { ["dotnet_diagnostic.FTPR0001.max_retries"] = "many" });
        Assert.Throws<System.NotImplementedException>(() => options.Keys.ToList());
        var compilation = CSharpCompilation.Create("Host", new[] { CSharpSyntaxTree.ParseText("class C { }") });

        var problems = OptionCheck.Find(compilation, new Provider(options), new FtpReplyAnalyzer().SupportedDiagnostics, CancellationToken.None);

        Assert.Empty(problems);
    }
}
