namespace NewsIngest.Ingestion.Configuration.Checking;

/// <summary>How a configuration value of a given type is written, for error messages ("is not a duration (use 00:00:10)").</summary>
public static class ValueForms
{
    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(TimeSpan))
        {
            return "a duration (use 00:00:10)";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short))
        {
            return "a whole number (use 10)";
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return "a number (use 0.5)";
        }

        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type));
        }

        return type == typeof(string) ? "a text value" : $"a {type.Name} value";
    }
}
