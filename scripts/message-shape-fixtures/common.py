import json, base64, zlib, struct, os, datetime

def png(w=2, h=2, rgb=(200, 60, 40)):
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))
    def chunk(t, d):
        c = struct.pack(">I", len(d)) + t + d
        return c + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")

def wav(samples=64):
    data = bytes((i * 7) % 256 for i in range(samples))
    fmt = struct.pack("<HHIIHH", 1, 1, 8000, 8000, 1, 8)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body

PNG_B64 = base64.b64encode(png()).decode()
PNG_B64_BLUE = base64.b64encode(png(3, 3, (30, 90, 220))).decode()
WAV_B64 = base64.b64encode(wav()).decode()
HASH = "3f" * 32

BASE = datetime.datetime(2026, 3, 14, 9, 30, 0, tzinfo=datetime.timezone.utc)

class Builder:
    def __init__(self, trace_id, name, person="ada@example.com", session=None):
        self.trace_id = trace_id
        self.name = name
        self.person = person
        self.session = session
        self.events = []
        self.shapes = []
        self.t = 0.0

    def event(self, eid, event, props, latency=None, span_id=None, parent=None, advance=2.0):
        self.t += advance
        p = {"$ai_trace_id": self.trace_id}
        if span_id:
            p["$ai_generation_id" if event == "$ai_generation" else "$ai_span_id"] = span_id
        if event not in ("$ai_trace",):
            p["$ai_parent_id"] = parent or self.trace_id
        if latency is not None:
            p["$ai_latency"] = latency
        if self.session:
            p["$ai_session_id"] = self.session
        p.update(props)
        created = (BASE + datetime.timedelta(seconds=self.t)).isoformat().replace("+00:00", "Z")
        self.events.append({"id": eid, "event": event, "createdAt": created, "properties": p})
        return eid

    def shape(self, sid, event, where, shape, shows, source, **expect):
        self.shapes.append({"id": sid, "event": event, "where": where, "shape": shape, "shows": shows, "source": source, "expect": expect})

    def write(self, path, provider, sources, totals=None, extra=None):
        trace = {
            "id": self.trace_id,
            "createdAt": self.events[0]["createdAt"] if self.events else BASE.isoformat(),
            "traceName": self.name,
            "person": {"uuid": "0190a1b2-0000-7000-8000-00000000a11c", "distinct_id": self.person, "created_at": "2026-01-02T00:00:00Z", "properties": {"email": self.person}},
            "events": self.events,
        }
        if self.session:
            trace["aiSessionId"] = self.session
        if totals:
            trace.update(totals)
        if extra:
            trace.update(extra)
        doc = {"provider": provider, "sources": sources, "trace": trace, "shapes": self.shapes}
        with open(path, "w") as f:
            json.dump(doc, f, indent=1, ensure_ascii=False)
            f.write("\n")
