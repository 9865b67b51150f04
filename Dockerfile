# ServicePromise: build with the .NET 10 SDK, run on the ASP.NET runtime as a non-root user.
# docker build -t servicepromise .
# docker run -p 8080:8080 -v servicepromise-data:/app/data -e App__PublicBaseUrl=https://promesa.example.com servicepromise

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ServicePromise.sln ./
COPY src/ServicePromise.Web/ServicePromise.Web.csproj src/ServicePromise.Web/
RUN dotnet restore src/ServicePromise.Web/ServicePromise.Web.csproj
COPY content/ content/
COPY src/ src/
# Exactly the publish command the README documents.
RUN dotnet publish src/ServicePromise.Web -c Release -o out

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /src/out .
# The SQLite database, data-protection keys and mail pickup folder live in /app/data.
RUN mkdir -p /app/data && chown app:app /app/data
USER app
VOLUME ["/app/data"]
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "ServicePromise.Web.dll"]
