# Production image of the Customer service. Build: docker build -t customer-service .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Customer.sln ./
COPY Customer.Domain/Customer.Domain.csproj Customer.Domain/
COPY Customer.Application/Customer.Application.csproj Customer.Application/
COPY Customer.Infrastructure/Customer.Infrastructure.csproj Customer.Infrastructure/
COPY Customer.Api/Customer.Api.csproj Customer.Api/
RUN dotnet restore Customer.Api/Customer.Api.csproj
COPY . .
# No --no-restore: publishing is ReadyToRun for the build platform, whose runtime packs the restore above did not fetch.
RUN dotnet publish Customer.Api/Customer.Api.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl only for the health check below.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
# The non-root user the .NET images provide.
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD curl --fail --silent http://localhost:8080/health/live || exit 1
ENTRYPOINT ["dotnet", "Customer.Api.dll"]
