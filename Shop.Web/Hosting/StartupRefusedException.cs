namespace Shop.Web.Hosting;

/// <summary>The shop will not start as configured; the message says why in one line, and Program exits with
/// <see cref="CommandLine.BadUsage"/> without a stack trace.</summary>
public sealed class StartupRefusedException(string message) : Exception(message);
