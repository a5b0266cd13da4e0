// The yardstick `coldstart` divides by: the least a published .NET console app costs to start and exit.
Console.WriteLine("Hello, World!");
