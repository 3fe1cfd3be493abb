using Microsoft.Extensions.DependencyInjection;

namespace Commentary.Cli.Hosting;

/// <summary>Lets Spectre.Console.Cli build commands with Microsoft's dependency injection.</summary>
public sealed class ServiceCollectionRegistrar(IServiceCollection services) : ITypeRegistrar
{
    public void Register(Type service, Type implementation) => services.AddSingleton(service, implementation);

    public void RegisterInstance(Type service, object implementation) => services.AddSingleton(service, implementation);

    public void RegisterLazy(Type service, Func<object> factory) => services.AddSingleton(service, _ => factory());

    public ITypeResolver Build() => new Resolver(services.BuildServiceProvider());

    private sealed class Resolver(ServiceProvider provider) : ITypeResolver, IDisposable
    {
        public object? Resolve(Type? type) => type is null ? null : provider.GetService(type);

        public void Dispose() => provider.Dispose();
    }
}
