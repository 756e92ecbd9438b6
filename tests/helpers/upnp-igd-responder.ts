import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A UPnP Internet Gateway Device (IGD:2, WANIPConnection:2) on 127.0.0.1 standing in for a home router: the device
 * description and SOAP control for AddAnyPortMapping, GetExternalIPAddress and DeletePortMapping, with the UPnP
 * error codes of the WANIPConnection:2 service (402 Invalid Args, 606 Action not authorized, 714
 * NoSuchEntryInArray) as SOAP faults on HTTP 500. No SSDP: the client is given the description URL.
 */
export interface UpnpIgdResponder {
  descriptor: URL;
  mappings: Map<string, { internalClient: string; internalPort: number; leaseS: number }>;
  actions: string[];
  close(): Promise<void>;
}

const SERVICE = 'urn:schemas-upnp-org:service:WANIPConnection:2';

const DESCRIPTION = `<?xml version="1.0"?>
<root xmlns="urn:schemas-upnp-org:device-1-0">
  <specVersion><major>1</major><minor>0</minor></specVersion>
  <device>
    <deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:2</deviceType>
    <friendlyName>Loopback test router</friendlyName>
    <UDN>uuid:00000000-0000-4000-8000-000000000001</UDN>
    <deviceList><device>
      <deviceType>urn:schemas-upnp-org:device:WANDevice:2</deviceType>
      <UDN>uuid:00000000-0000-4000-8000-000000000002</UDN>
      <deviceList><device>
        <deviceType>urn:schemas-upnp-org:device:WANConnectionDevice:2</deviceType>
        <UDN>uuid:00000000-0000-4000-8000-000000000003</UDN>
        <serviceList><service>
          <serviceType>${SERVICE}</serviceType>
          <serviceId>urn:upnp-org:serviceId:WANIPConn1</serviceId>
          <SCPDURL>/WANIPCn.xml</SCPDURL>
          <controlURL>/ctl/IPConn</controlURL>
          <eventSubURL>/evt/IPConn</eventSubURL>
        </service></serviceList>
      </device></deviceList>
    </device></deviceList>
  </device>
</root>`;

const envelope = (body: string) =>
  `<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>${body}</s:Body></s:Envelope>`;

const fault = (code: number, description: string) =>
  envelope(
    `<s:Fault><faultcode>s:Client</faultcode><faultstring>UPnPError</faultstring><detail><UPnPError xmlns="urn:schemas-upnp-org:control-1-0"><errorCode>${code}</errorCode><errorDescription>${description}</errorDescription></UPnPError></detail></s:Fault>`,
  );

const arg = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? '';

export async function startUpnpIgdResponder(
  options: { externalIp?: string; refuse?: boolean } = {},
): Promise<UpnpIgdResponder> {
  const mappings: UpnpIgdResponder['mappings'] = new Map();
  const actions: string[] = [];
  const read = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    return text;
  };
  const server = createServer((req, res) => {
    const send = (status: number, xml: string) => {
      res.writeHead(status, { 'content-type': 'text/xml; charset="utf-8"' });
      res.end(xml);
    };
    if (req.method === 'GET' && req.url === '/rootDesc.xml') return send(200, DESCRIPTION);
    if (req.method !== 'POST' || req.url !== '/ctl/IPConn') return send(404, envelope(''));
    void read(req).then((body) => {
      const action = /#(\w+)"?$/.exec(String(req.headers.soapaction ?? ''))?.[1] ?? '';
      actions.push(action);
      const reply = (inner: string) =>
        send(200, envelope(`<u:${action}Response xmlns:u="${SERVICE}">${inner}</u:${action}Response>`));
      const protocol = arg(body, 'NewProtocol');
      const externalPort = Number(arg(body, 'NewExternalPort'));
      if (action === 'GetExternalIPAddress')
        return reply(`<NewExternalIPAddress>${options.externalIp ?? '198.51.100.30'}</NewExternalIPAddress>`);
      if (action === 'AddAnyPortMapping') {
        if (options.refuse) return send(500, fault(606, 'Action not authorized'));
        if (protocol !== 'UDP' && protocol !== 'TCP') return send(500, fault(402, 'Invalid Args'));
        mappings.set(`${protocol}:${externalPort}`, {
          internalClient: arg(body, 'NewInternalClient'),
          internalPort: Number(arg(body, 'NewInternalPort')),
          leaseS: Number(arg(body, 'NewLeaseDuration')),
        });
        return reply(`<NewReservedPort>${externalPort}</NewReservedPort>`);
      }
      if (action === 'DeletePortMapping') {
        if (protocol !== 'UDP' && protocol !== 'TCP') return send(500, fault(402, 'Invalid Args'));
        if (!mappings.delete(`${protocol}:${externalPort}`))
          return send(500, fault(714, 'NoSuchEntryInArray'));
        return reply('');
      }
      return send(500, fault(401, 'Invalid Action'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    descriptor: new URL(`http://127.0.0.1:${port}/rootDesc.xml`),
    mappings,
    actions,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
