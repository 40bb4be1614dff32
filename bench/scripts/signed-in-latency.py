#!/usr/bin/env python3
# Usage: python3 bench/scripts/signed-in-latency.py <port> <path> [n]  (a running host with the demo accounts)
# Times signed-in API requests against a running host: sign in once, then N sequential GETs on one keep-alive connection.
import http.client, json, sys, time, statistics
port=int(sys.argv[1]); path=sys.argv[2]; n=int(sys.argv[3]) if len(sys.argv)>3 else 3000
c=http.client.HTTPConnection('127.0.0.1',port)
c.request('POST','/api/auth/login',body=json.dumps({'userName':'yisheng','password':'Demo@2026'}),headers={'Content-Type':'application/json'})
r=c.getresponse(); r.read()
cookie='; '.join(h.split(';')[0] for k,h in r.getheaders() if k.lower()=='set-cookie' and h.startswith('hr.auth'))
def one():
    t=time.perf_counter(); c.request('GET',path,headers={'Cookie':cookie}); r=c.getresponse(); r.read(); assert r.status==200, r.status
    return (time.perf_counter()-t)*1000
for _ in range(500): one()
ts=sorted(one() for _ in range(n))
print(f"{path}: n={n} mean={statistics.mean(ts):.3f} ms p50={ts[n//2]:.3f} p95={ts[int(n*.95)]:.3f} p99={ts[int(n*.99)]:.3f}")
