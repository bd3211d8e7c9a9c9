using System.Linq;
using FtpReplyAnalyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FtpReplyAnalyzers.Tests.Flow;

/// <summary>The calls <see cref="CallIndex"/> finds from the files' text are the ones the syntax holds.</summary>
public class CallIndexTests
{
    private const string Callers = """
using System;
using System.Threading.Tasks;

class Jobs
{
    Uploader client = new Uploader();

    void Run()
    {
        Upload("a");                       // a bare call
        client.Upload ("b");               // white space before the parenthesis
        client?.Upload(
            "c");                          // a conditional access
        this.client.Upload<int>("d");      // a generic call
        Retry(Upload, 3);                  // a method group, then a comma
        Retry(action: client.Upload);      // a named argument
        @Upload("e");                      // a verbatim name
        var text = "Upload(x)";            // text, not a call
        // Upload(y) in a comment is not a call either
        new Upload2();                     // a constructor of another name
        Func<string, bool> f = Upload;     // a method group assigned, not passed: not indexed
        if (Upload < 3) { }                // a comparison is no call
    }

    bool Upload(string name) => true;
    int Uploaded(string name) => 1;
    static void Retry(Func<string, bool> action, int times = 1) { }
    static void Retry(Func<string, bool> action) { }
}

class Uploader
{
    public bool Upload(string name) => true;
    public bool Upload<T>(string name) => true;
}

class Upload2 { }
""";

    private static CSharpCompilation Compile(params string[] sources)
        => CSharpCompilation.Create("Calls", sources.Select(s => CSharpSyntaxTree.ParseText(s)), new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });

    private static string[] Lines(CallIndex index, string name)
        => index.CallsOf(name).Select(n => $"{n.SyntaxTree.GetLineSpan(n.Span).StartLinePosition.Line + 1}:{n.Parent!.Kind()}").ToArray();

    [Fact]
    public void Finds_calls_and_passed_method_groups_in_every_shape_and_nothing_in_text_or_comments()
    {
        var index = CallIndex.Build(Compile(Callers));

        Assert.Equal(
            new[]
            {
                "10:InvocationExpression",
                "11:SimpleMemberAccessExpression",
                "12:MemberBindingExpression",
                "14:SimpleMemberAccessExpression",
                "15:Argument",
                "16:SimpleMemberAccessExpression",
                "17:InvocationExpression",
            },
            Lines(index, "Upload"));
    }

    [Fact]
    public void Finds_the_same_calls_as_a_walk_of_the_syntax()
    {
        var compilation = Compile(
            Callers,
            "class Other { void M(Jobs j) { N(1, 2); N(3); } void N(int a, int b = 0) { } }",
            "class Generic { void G<T>() { } void H() { var l = new System.Collections.Generic.List<int>(); G<System.Collections.Generic.List<(int, string)>>(); G <int> (); System.Collections.Generic.List<int> xs; if (l.Count < 2 && l.Count > 1) { } } }");
        var fromText = CallIndex.Build(compilation, fromText: true);
        var fromSyntax = CallIndex.Build(compilation, fromText: false);

        foreach (var name in new[] { "Upload", "Retry", "N", "Uploaded", "Upload2", "Missing", "G", "List", "Count", "Generic" })
        {
            Assert.Equal(Lines(fromSyntax, name), Lines(fromText, name));
        }

        Assert.Equal(2, fromText.CallsOf("G").Count);
    }

    [Fact]
    public void Finds_a_name_written_with_a_unicode_escape_by_its_value()
    {
        var index = CallIndex.Build(Compile("class C { void Once() { } void M() { \\u004Fnce(); } }"));

        Assert.Single(index.CallsOf("Once"));
    }
}
