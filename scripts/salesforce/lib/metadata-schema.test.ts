import { describe, expect, it } from 'vitest';
import { buildLenientSchema } from './metadata-schema.js';

const wsdl = `<definitions><types>
  <xsd:schema elementFormDefault="qualified" targetNamespace="http://soap.sforce.com/2006/04/metadata">
   <xsd:complexType name="Metadata">
    <xsd:sequence>
     <xsd:element name="fullName" minOccurs="0" type="xsd:string"/>
    </xsd:sequence>
   </xsd:complexType>
   <xsd:complexType name="Widget">
    <xsd:complexContent>
     <xsd:extension base="tns:Metadata">
      <xsd:sequence>
       <xsd:element name="label" type="xsd:string"/>
       <xsd:element name="body" minOccurs="0" type="xsd:base64Binary"/>
      </xsd:sequence>
     </xsd:extension>
    </xsd:complexContent>
   </xsd:complexType>
   <xsd:complexType name="Result">
    <xsd:sequence>
     <xsd:element name="code" type="xsd:string"/>
     <xsd:any namespace="##targetNamespace" minOccurs="0" maxOccurs="unbounded" processContents="lax"/>
    </xsd:sequence>
   </xsd:complexType>
  </xsd:schema></types></definitions>`;

describe('order-free schema from the WSDL', () => {
  const schema = buildLenientSchema(wsdl);

  it('turns each metadata type into an unbounded choice of its own and inherited elements', () => {
    expect(schema).toContain(
      '<xsd:complexType name="Widget"><xsd:choice minOccurs="0" maxOccurs="unbounded"><xsd:element name="fullName" type="xsd:string"/><xsd:element name="label" type="xsd:string"/><xsd:element name="body" type="tns:SourceFormatContent"/></xsd:choice></xsd:complexType>',
    );
  });

  it('gives metadata types a root element, other types none, and keeps wildcard types as they are', () => {
    expect(schema).toContain('<xsd:element name="Widget" type="tns:Widget"/>');
    expect(schema).not.toContain('<xsd:element name="Result" type="tns:Result"/>');
    expect(schema).toContain('<xsd:any namespace="##targetNamespace"');
    expect(schema).toContain('xmlns:tns="http://soap.sforce.com/2006/04/metadata"');
  });
});
