import { fbDecode, fbEncode, groupIdFor, joinRequestIdFor, newInviteLink, newWamid, userIdFor } from '../../../src/sandbox/sandbox-ids';

describe('sandbox ids', () => {
  it('builds group ids exactly like Meta’s sample', () => {
    expect(groupIdFor('17055550139', '120363404694233820')).toBe('Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD');
    expect(fbDecode('Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD')).toBe('capi_group:17055550139:120363404694233820');
  });

  it('builds join request ids like Meta’s sample', () => {
    expect(joinRequestIdFor('16467043595', '120363404694233820')).toBe('MTY0NjcwNDM1OTU6MTIwMzYzNDA0Njk0MjMzODIw');
  });

  it('round-trips Facebook-escaped base64, Z + / = included', () => {
    for (const text of ['{"offset":0,"versionId":"1755553705175054510"}', 'ZZZ>>>???', '', 'ü…']) expect(fbDecode(fbEncode(text))).toBe(text);
    expect(fbEncode('{"offset":0,"versionId":"1755553705175054510"}')).toBe('eyJvZAmZAzZAXQiOjAsInZAlcnNpb25JZACI6IjE3NTU1NTM3MDUxNzUwNTQ1MTAifQZDZD');
    expect(fbDecode('not*base64')).toBeNull();
  });

  it('makes invite links, wamids and stable BSUIDs in Meta’s shapes', () => {
    expect(newInviteLink()).toMatch(/^https:\/\/chat\.whatsapp\.com\/[A-Za-z0-9]{22}$/);
    expect(newWamid()).toMatch(/^wamid\.HBgL[A-Za-z0-9+/=]+$/);
    expect(userIdFor('16505551234')).toMatch(/^US\.\d{20}$/);
    expect(userIdFor('16505551234')).toBe(userIdFor('16505551234'));
    expect(userIdFor('16505551234')).not.toBe(userIdFor('16505551235'));
  });
});
