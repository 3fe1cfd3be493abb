// The private network used when vnetEnabled is true: one subnet the Function App integrates with (delegated the way
// Flex Consumption requires), one for private endpoints, and the private DNS zones that make the storage host names
// resolve to those endpoints from inside the network.
param name string
param location string
param tags object

@description('Storage services that get a private DNS zone, e.g. blob, queue, table.')
param storageServices array

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.0.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.0.1.0/24'
          // Flex Consumption integrates through a subnet delegated to Microsoft.App/environments, used by no one else.
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
          privateEndpointNetworkPolicies: 'Disabled'
          privateLinkServiceNetworkPolicies: 'Enabled'
          // The app's outbound traffic leaves through this subnet, and it still needs the internet: Key Vault,
          // Application Insights, Akismet and SMTP are public endpoints. Said explicitly, since new subnets stop
          // getting default outbound access; a NAT gateway is the lasting alternative (docs/deploy.md).
          defaultOutboundAccess: true
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: '10.0.2.0/24'
          privateEndpointNetworkPolicies: 'Disabled'
          privateLinkServiceNetworkPolicies: 'Enabled'
        }
      }
    ]
  }
}

// Private DNS zones are global resources; their names follow the cloud the deployment runs in.
resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for service in storageServices: {
    name: 'privatelink.${service}.${environment().suffixes.storage}'
    location: 'global'
    tags: tags
  }
]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (service, i) in storageServices: {
    parent: zones[i]
    name: '${name}-link'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnet.id
      }
    }
  }
]

output appSubnetId string = vnet.properties.subnets[0].id
output privateEndpointSubnetId string = vnet.properties.subnets[1].id
output zoneIds array = [for (service, i) in storageServices: zones[i].id]
