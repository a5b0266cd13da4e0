using System.CommandLine;

namespace NewsIngest.Cli;

/// <summary>
/// Options whose value is one of an enum's names, written in lower case (<c>--format json|text|markdown</c>): a
/// wrong value is one line naming the choices, never the enum's .NET type.
/// </summary>
internal static class ChoiceOption
{
    public static Option<T> Create<T>(string name, string description, T defaultValue, params string[] aliases)
        where T : struct, Enum
    {
        var choices = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        var option = new Option<T>(name, aliases)
        {
            Description = description,
            HelpName = string.Join('|', choices),
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (choices.Contains(token, StringComparer.OrdinalIgnoreCase))
                {
                    return Enum.Parse<T>(token, ignoreCase: true);
                }

                result.AddError($"{name} '{token}' is not one of {string.Join(", ", choices)}");
                return defaultValue;
            },
        };
        option.CompletionSources.Add(choices);
        return option;
    }
}
