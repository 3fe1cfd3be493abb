// The Function App on a Flex Consumption plan. Runtime and scale live in functionAppConfig (Flex rejects the
// FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION settings); storage is reached with the identity.
param planName string
param appName string
param location string
param tags object
param identityId string
param identityClientId string
param blobServiceUri string
param queueServiceUri string
param tableServiceUri string
param deploymentContainerUrl string
param applicationInsightsConnectionString string
param allowedOrigins array
param moderatorName string

@secure()
param moderatorKeySha256 string

@secure()
param ipHashKey string

@secure()
@description('Akismet API key; empty leaves the check off.')
param akismetApiKey string = ''

@description('The site the Akismet key was issued for.')
param akismetSiteUrl string = ''

@description('SMTP server for moderators\' private replies; empty leaves mail off.')
param mailHost string = ''

param mailPort string = '587'

param mailFrom string = ''

param mailUserName string = ''

@secure()
param mailPassword string = ''

@allowed([
  'StartTls'
  'Tls'
])
param mailSecurity string = 'StartTls'

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: allowedOrigins
        supportCredentials: false
      }
      appSettings: [
        // Identity-based storage for the Functions host, the queue trigger and the application alike
        // (Commentary.Core's StorageClients reads the same section).
        {
          name: 'AzureWebJobsStorage__blobServiceUri'
          value: blobServiceUri
        }
        {
          name: 'AzureWebJobsStorage__queueServiceUri'
          value: queueServiceUri
        }
        {
          name: 'AzureWebJobsStorage__tableServiceUri'
          value: tableServiceUri
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsightsConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identityClientId};Authorization=AAD'
        }
        {
          name: 'Moderation__Moderators__0__Name'
          value: moderatorName
        }
        {
          name: 'Moderation__Moderators__0__KeySha256'
          value: moderatorKeySha256
        }
        {
          name: 'Privacy__IpHashKey'
          value: ipHashKey
        }
        // An empty key leaves the Akismet check off.
        {
          name: 'Moderation__Akismet__ApiKey'
          value: akismetApiKey
        }
        {
          name: 'Moderation__Akismet__SiteUrl'
          value: akismetSiteUrl
        }
        // An empty host leaves mail off: moderators' private replies then answer 409.
        {
          name: 'Mail__Host'
          value: mailHost
        }
        {
          name: 'Mail__Port'
          value: mailPort
        }
        {
          name: 'Mail__From'
          value: mailFrom
        }
        {
          name: 'Mail__UserName'
          value: mailUserName
        }
        {
          name: 'Mail__Password'
          value: mailPassword
        }
        {
          name: 'Mail__Security'
          value: mailSecurity
        }
        // Requests reach the worker through the Functions host on this machine, which passes on the front end's
        // X-Forwarded-For (client address and port). Only those local and platform-internal hops are believed.
        {
          name: 'Network__TrustedProxies__0'
          value: '127.0.0.1'
        }
        {
          name: 'Network__TrustedProxies__1'
          value: '::1'
        }
        {
          name: 'Network__TrustedProxies__2'
          value: '169.254.0.0/16'
        }
        {
          name: 'Network__TrustedProxies__3'
          value: '10.0.0.0/8'
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

output name string = app.name
output apiUrl string = 'https://${app.properties.defaultHostName}/api'
